;; Exports each WASI call of interest with plain parameters, so that tests written in Rust
;; can make the calls a guest would: strings are placed in memory by the test.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_symlink"
    (func $path_symlink (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_rename"
    (func $path_rename (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_link"
    (func $path_link (param i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_create_directory"
    (func $path_create_directory (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_remove_directory"
    (func $path_remove_directory (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_unlink_file"
    (func $path_unlink_file (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get"
    (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_set_times"
    (func $path_filestat_set_times (param i32 i32 i32 i32 i64 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_readlink"
    (func $path_readlink (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read"
    (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (memory (export "memory") 1)
  ;; Results land at 1000 (an fd, a size); buffers at 2000.
  (func (export "open") (param $dir i32) (param $p i32) (param $n i32) (param $dirflags i32)
      (param $oflags i32) (param $rights i64) (result i32)
    (call $path_open (local.get $dir) (local.get $dirflags) (local.get $p) (local.get $n)
      (local.get $oflags) (local.get $rights) (local.get $rights) (i32.const 0) (i32.const 1000)))
  (func (export "symlink") (param $old i32) (param $on i32) (param $dir i32) (param $new i32)
      (param $nn i32) (result i32)
    (call $path_symlink (local.get $old) (local.get $on) (local.get $dir) (local.get $new)
      (local.get $nn)))
  (func (export "rename") (param $dir i32) (param $old i32) (param $on i32) (param $new i32)
      (param $nn i32) (result i32)
    (call $path_rename (local.get $dir) (local.get $old) (local.get $on) (local.get $dir)
      (local.get $new) (local.get $nn)))
  (func (export "link") (param $dir i32) (param $old i32) (param $on i32) (param $new i32)
      (param $nn i32) (result i32)
    (call $path_link (local.get $dir) (i32.const 0) (local.get $old) (local.get $on)
      (local.get $dir) (local.get $new) (local.get $nn)))
  (func (export "mkdir") (param i32 i32 i32) (result i32)
    (call $path_create_directory (local.get 0) (local.get 1) (local.get 2)))
  (func (export "rmdir") (param i32 i32 i32) (result i32)
    (call $path_remove_directory (local.get 0) (local.get 1) (local.get 2)))
  (func (export "unlink") (param i32 i32 i32) (result i32)
    (call $path_unlink_file (local.get 0) (local.get 1) (local.get 2)))
  (func (export "stat") (param $dir i32) (param $flags i32) (param $p i32) (param $n i32)
      (result i32)
    (call $path_filestat_get (local.get $dir) (local.get $flags) (local.get $p) (local.get $n)
      (i32.const 1000)))
  (func (export "touch") (param $dir i32) (param $flags i32) (param $p i32) (param $n i32)
      (result i32)
    (call $path_filestat_set_times (local.get $dir) (local.get $flags) (local.get $p)
      (local.get $n) (i64.const 0) (i64.const 0) (i32.const 10)))
  (func (export "readlink") (param $dir i32) (param $p i32) (param $n i32) (result i32)
    (call $path_readlink (local.get $dir) (local.get $p) (local.get $n) (i32.const 2000)
      (i32.const 256) (i32.const 1000)))
  ;; Reads up to 256 bytes from $fd into 2000; the count lands at 1000.
  (func (export "read") (param $fd i32) (result i32)
    (i32.store (i32.const 1100) (i32.const 2000))
    (i32.store (i32.const 1104) (i32.const 256))
    (call $fd_read (local.get $fd) (i32.const 1100) (i32.const 1) (i32.const 1000)))
  ;; Writes $n bytes at $p to $fd; the count lands at 1000.
  (func (export "write") (param $fd i32) (param $p i32) (param $n i32) (result i32)
    (i32.store (i32.const 1100) (local.get $p))
    (i32.store (i32.const 1104) (local.get $n))
    (call $fd_write (local.get $fd) (i32.const 1100) (i32.const 1) (i32.const 1000)))
  (func (export "close") (param i32) (result i32) (call $fd_close (local.get 0))))
