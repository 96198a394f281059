//go:build !windows

package main

// ownConsole is for Windows only: elsewhere a terminal outlives the program.
func ownConsole() bool { return false }
