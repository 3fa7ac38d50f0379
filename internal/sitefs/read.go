package sitefs

import (
	"bytes"
	"io"
	"io/fs"
)

// ReadFile reads name from fsys when its size (from Stat of the open file,
// before reading) is at most limit bytes; a larger file is a
// *TooLargeError. Only regular files are read: a folder, link or special
// file is an error naming it (fsys refuses to open a link or special file,
// as FS does). It opens the file once. limit 0 means no limit.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	file, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	if limit > 0 && info.Size() > limit {
		return nil, &TooLargeError{Path: name, Size: info.Size(), Limit: limit}
	}
	return readSized(file, name, limit, info.Size())
}

// ReadAll reads file, failing with a *TooLargeError once more than limit
// bytes come (limit 0 means no limit).
func ReadAll(file fs.File, name string, limit int64) ([]byte, error) {
	var size int64
	if info, err := file.Stat(); err == nil {
		size = info.Size()
		if limit > 0 && size > limit {
			return nil, &TooLargeError{Path: name, Size: size, Limit: limit}
		}
	}
	return readSized(file, name, limit, size)
}

// readSized reads file, of size bytes when it was stated, failing with a
// *TooLargeError once more than limit bytes come (limit 0: no limit).
func readSized(file fs.File, name string, limit, size int64) ([]byte, error) {
	var r io.Reader = file
	if limit > 0 {
		r = io.LimitReader(file, limit+1)
	}
	var b bytes.Buffer
	b.Grow(int(size) + 1)
	if _, err := b.ReadFrom(r); err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if limit > 0 && int64(b.Len()) > limit {
		return nil, &TooLargeError{Path: name, Size: int64(b.Len()), Limit: limit}
	}
	return b.Bytes(), nil
}
