package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// editedProvider is the profile a rebuild row edits: the first one.
const editedProvider = "provider-00000"

// rebuildRuns times each tool building into the output of its previous
// build after one profile's summary changed, runs times, the tools taking
// turns; each run edits the summary again, so that each build meets a
// change. sites are each tool's site folder, in the order of tools.
func rebuildRuns(cfg config, tools []tool, sites []string) ([][]run, error) {
	runs := make([][]run, len(tools))
	for i := range cfg.runs {
		for j, t := range tools {
			if err := editSummary(sites[j], i); err != nil {
				return nil, err
			}
			r, err := measureRebuild(t)
			if err != nil {
				return nil, err
			}
			runs[j] = append(runs[j], r)
		}
	}
	return runs, nil
}

// editSummary changes the summary of the edited provider in a site folder
// (artsmap's or Hugo's: both keep the same index.md), the n-th time.
func editSummary(site string, n int) error {
	p := filepath.Join(site, "content", "providers", editedProvider, "index.md")
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	old := []byte("\nsummary = \"")
	if n > 0 {
		old = []byte(fmt.Sprintf("\nsummary = \"Edited %d. ", n-1))
	}
	edited := bytes.Replace(data, old, []byte(fmt.Sprintf("\nsummary = \"Edited %d. ", n)), 1)
	if bytes.Equal(edited, data) {
		return fmt.Errorf("%s: no summary to edit", p)
	}
	return os.WriteFile(p, edited, 0o644)
}

// measureRebuild flushes the file system (not timed) and runs t once,
// into whatever its output folder holds, with what its cache holds.
func measureRebuild(t tool) (run, error) {
	syscall.Sync()
	name, args := t.cmd[0], t.cmd[1:]
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), t.env...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return run{}, fmt.Errorf("%s %v: %w", name, args, err)
	}
	r := run{wall: time.Since(start), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKB = ru.Maxrss
	}
	return r, nil
}

// onRAMDisk reports whether dir is on a tmpfs, where creating files costs
// far less than on the machine's disk.
func onRAMDisk(dir string) bool {
	var st syscall.Statfs_t
	return syscall.Statfs(dir, &st) == nil && st.Type == 0x01021994 // TMPFS_MAGIC
}
