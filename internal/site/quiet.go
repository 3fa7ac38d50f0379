package site

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"artsmap/internal/sitefs"
	"artsmap/internal/workers"
)

// quietFolders states each folder of dirs (with stat, which does not
// follow a link at the end) and notes in states those whose identity is
// the one settled gives: no entry was added, removed or renamed in them
// since the last build noted it. It returns the folders to be listed
// (loud), out itself first, which every build changes, and every folder
// it noted or will list (known): a walk goes into any other folder a
// listing meets. A folder is noted or listed only when its parent is
// out, noted or listed, so that nothing seen through a link put in place
// of a folder is trusted: the parent's listing refuses the link. A
// folder that is gone, or is no longer a folder, is left to its parent's
// listing, which shows what took its place; one that cannot be stated
// for another reason (no permission) is listed, which fails and says why.
func quietFolders(out string, dirs map[string]bool, settled map[string]string, states *folderStates,
	stat func(string) (fs.FileInfo, error)) (loud []string, known map[string]bool) {
	all := slices.SortedFunc(maps.Keys(dirs), cmpDepth)    // parents before what they hold
	ids := make([]string, len(all))                        // "" to list, "-" to leave to the parent's listing
	workers.Each(len(all), workers.PerCPU(), func(i int) { // a stat each: on every processor
		ids[i] = quietIdentity(stat, filepath.Join(out, filepath.FromSlash(all[i])), settled[all[i]])
	})
	loud, known = []string{"."}, map[string]bool{".": true}
	now := time.Now()
	for i, dir := range all {
		switch {
		case !known[path.Dir(dir)] || ids[i] == "-":
		case ids[i] == "":
			loud, known[dir] = append(loud, dir), true
		default:
			states.put(dir, stateAt{id: ids[i], listed: now}) // settled when noted: no change since is racy
			known[dir] = true
		}
	}
	return loud, known
}

// quietIdentity is the identity of the folder name when it is still was (see
// quietFolders); "-" when it is gone or no longer a folder; "" when it is
// to be listed.
func quietIdentity(stat func(string) (fs.FileInfo, error), name, was string) string {
	info, err := stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		return "-"
	case err != nil:
		return ""
	case !info.IsDir():
		return "-"
	}
	if id, _, ok := sitefs.Identity(info); ok && id == was && was != "" {
		return id
	}
	return ""
}

// cmpDepth orders slash paths by how many folders deep they are, then by name.
func cmpDepth(a, b string) int {
	if d := strings.Count(a, "/") - strings.Count(b, "/"); d != 0 {
		return d
	}
	return strings.Compare(a, b)
}

// checkQuiet states the files in the folders that states holds and that
// were not listed (see quietFolders), as check does for those a walk meets.
func (kf keyedFiles) checkQuiet(out string, states *folderStates) {
	var names []string
	for name := range kf {
		if states.has(path.Dir(name)) {
			names = append(names, name)
		}
	}
	workers.Each(len(names), workers.PerCPU(), func(i int) { // a stat each: on every processor
		info, err := os.Lstat(filepath.Join(out, filepath.FromSlash(names[i])))
		f := kf[names[i]]
		f.unchanged = err == nil && f.record.sameAs(info)
	})
}
