//go:build windows

package main

import (
	"syscall"
	"unsafe"
)

// ownConsole reports whether the console window was made for this process
// alone: Explorer started it (a folder dropped on chitieu.exe), and the
// window would close before anyone could read the report.
func ownConsole() bool {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return false
	}
	var ids [2]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}
