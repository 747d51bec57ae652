//! The numbers of WASI preview 1 (`wasi_snapshot_preview1`), written from its witx
//! definition: errno values, file types, flags, rights, and the byte layouts of the records
//! that cross guest memory.

use wasp_core::{HostError, HostType};

macro_rules! errnos {
    ($($name:ident = $n:literal, $doc:literal;)*) => {
        /// An error number of WASI preview 1 (`$errno`), returned by every function as an
        /// `i32`; [`Errno::Success`] is 0.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u16)]
        pub enum Errno {
            $(#[doc = $doc] $name = $n,)*
        }

        impl Errno {
            /// The errno with number `n`, if there is one.
            pub fn from_u16(n: u16) -> Option<Errno> {
                match n {
                    $($n => Some(Errno::$name),)*
                    _ => None,
                }
            }
        }
    };
}

errnos! {
    Success = 0, "No error occurred.";
    TooBig = 1, "Argument list too long.";
    Acces = 2, "Permission denied.";
    AddrInUse = 3, "Address in use.";
    AddrNotAvail = 4, "Address not available.";
    AfNoSupport = 5, "Address family not supported.";
    Again = 6, "Resource unavailable, or operation would block.";
    Already = 7, "Connection already in progress.";
    Badf = 8, "Bad file descriptor.";
    BadMsg = 9, "Bad message.";
    Busy = 10, "Device or resource busy.";
    Canceled = 11, "Operation canceled.";
    Child = 12, "No child processes.";
    ConnAborted = 13, "Connection aborted.";
    ConnRefused = 14, "Connection refused.";
    ConnReset = 15, "Connection reset.";
    Deadlk = 16, "Resource deadlock would occur.";
    DestAddrReq = 17, "Destination address required.";
    Dom = 18, "Mathematics argument out of domain of function.";
    Dquot = 19, "Reserved.";
    Exist = 20, "File exists.";
    Fault = 21, "Bad address.";
    Fbig = 22, "File too large.";
    HostUnreach = 23, "Host is unreachable.";
    Idrm = 24, "Identifier removed.";
    Ilseq = 25, "Illegal byte sequence.";
    InProgress = 26, "Operation in progress.";
    Intr = 27, "Interrupted function.";
    Inval = 28, "Invalid argument.";
    Io = 29, "I/O error.";
    IsConn = 30, "Socket is connected.";
    IsDir = 31, "Is a directory.";
    Loop = 32, "Too many levels of symbolic links.";
    Mfile = 33, "File descriptor value too large.";
    Mlink = 34, "Too many links.";
    MsgSize = 35, "Message too large.";
    Multihop = 36, "Reserved.";
    NameTooLong = 37, "Filename too long.";
    NetDown = 38, "Network is down.";
    NetReset = 39, "Connection aborted by network.";
    NetUnreach = 40, "Network unreachable.";
    Nfile = 41, "Too many files open in system.";
    NoBufs = 42, "No buffer space available.";
    NoDev = 43, "No such device.";
    NoEnt = 44, "No such file or directory.";
    NoExec = 45, "Executable file format error.";
    NoLck = 46, "No locks available.";
    NoLink = 47, "Reserved.";
    NoMem = 48, "Not enough space.";
    NoMsg = 49, "No message of the desired type.";
    NoProtoOpt = 50, "Protocol not available.";
    NoSpc = 51, "No space left on device.";
    NoSys = 52, "Function not supported.";
    NotConn = 53, "The socket is not connected.";
    NotDir = 54, "Not a directory or a symbolic link to a directory.";
    NotEmpty = 55, "Directory not empty.";
    NotRecoverable = 56, "State not recoverable.";
    NotSock = 57, "Not a socket.";
    NotSup = 58, "Not supported, or operation not supported on socket.";
    NoTty = 59, "Inappropriate I/O control operation.";
    Nxio = 60, "No such device or address.";
    Overflow = 61, "Value too large to be stored in data type.";
    OwnerDead = 62, "Previous owner died.";
    Perm = 63, "Operation not permitted.";
    Pipe = 64, "Broken pipe.";
    Proto = 65, "Protocol error.";
    ProtoNoSupport = 66, "Protocol not supported.";
    Prototype = 67, "Protocol wrong type for socket.";
    Range = 68, "Result too large.";
    Rofs = 69, "Read-only file system.";
    Spipe = 70, "Invalid seek.";
    Srch = 71, "No such process.";
    Stale = 72, "Reserved.";
    TimedOut = 73, "Connection timed out.";
    TxtBsy = 74, "Text file busy.";
    Xdev = 75, "Cross-device link.";
    NotCapable = 76, "Extension: capabilities insufficient.";
}

impl std::fmt::Display for Errno {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "errno {} ({:?})", *self as u16, self)
    }
}

impl std::error::Error for Errno {}

/// An errno crosses as the `i32` every WASI function returns.
impl HostType for Errno {
    type Wasm = i32;
    fn from_wasm(value: i32) -> Result<Errno, HostError> {
        u16::try_from(value)
            .ok()
            .and_then(Errno::from_u16)
            .ok_or_else(|| {
                HostError::msg(format!("expected a WASI errno (0 to 76), found {value}"))
            })
    }
    fn into_wasm(self) -> Result<i32, HostError> {
        Ok(i32::from(self as u16))
    }
}

impl From<wasp_core::AccessError> for Errno {
    /// A pointer or length outside guest memory is `fault`.
    fn from(_: wasp_core::AccessError) -> Errno {
        Errno::Fault
    }
}

/// The result of every WASI function body: success, or an errno.
pub type WasiResult<T> = Result<T, Errno>;

/// `$filetype`.
pub mod filetype {
    /// The type of the file descriptor or file is unknown.
    pub const UNKNOWN: u8 = 0;
    /// A block device.
    pub const BLOCK_DEVICE: u8 = 1;
    /// A character device.
    pub const CHARACTER_DEVICE: u8 = 2;
    /// A directory.
    pub const DIRECTORY: u8 = 3;
    /// A regular file.
    pub const REGULAR_FILE: u8 = 4;
    /// A datagram socket.
    pub const SOCKET_DGRAM: u8 = 5;
    /// A byte-stream socket.
    pub const SOCKET_STREAM: u8 = 6;
    /// A symbolic link.
    pub const SYMBOLIC_LINK: u8 = 7;
}

/// `$whence`.
pub mod whence {
    /// Seek relative to the start.
    pub const SET: u8 = 0;
    /// Seek relative to the current offset.
    pub const CUR: u8 = 1;
    /// Seek relative to the end.
    pub const END: u8 = 2;
}

/// `$clockid`.
pub mod clockid {
    /// Wall-clock time since 1970-01-01.
    pub const REALTIME: u32 = 0;
    /// A clock that never goes back.
    pub const MONOTONIC: u32 = 1;
    /// CPU time of the process.
    pub const PROCESS_CPUTIME: u32 = 2;
    /// CPU time of the thread.
    pub const THREAD_CPUTIME: u32 = 3;
}

/// `$fdflags` (a `u16`).
pub mod fdflags {
    /// Writes append to the end of the file.
    pub const APPEND: u16 = 1 << 0;
    /// Data integrity for writes.
    pub const DSYNC: u16 = 1 << 1;
    /// Non-blocking mode.
    pub const NONBLOCK: u16 = 1 << 2;
    /// Synchronized reads.
    pub const RSYNC: u16 = 1 << 3;
    /// File integrity for writes.
    pub const SYNC: u16 = 1 << 4;
}

/// `$oflags` (a `u16`).
pub mod oflags {
    /// Create the file if it does not exist.
    pub const CREAT: u16 = 1 << 0;
    /// Fail unless it is a directory.
    pub const DIRECTORY: u16 = 1 << 1;
    /// Fail if it exists.
    pub const EXCL: u16 = 1 << 2;
    /// Truncate to size 0.
    pub const TRUNC: u16 = 1 << 3;
}

/// `$lookupflags` (a `u32`).
pub mod lookupflags {
    /// Follow a symbolic link in the last component.
    pub const SYMLINK_FOLLOW: u32 = 1 << 0;
}

/// `$fstflags` (a `u16`).
pub mod fstflags {
    /// Set the access time to the given value.
    pub const ATIM: u16 = 1 << 0;
    /// Set the access time to now.
    pub const ATIM_NOW: u16 = 1 << 1;
    /// Set the modification time to the given value.
    pub const MTIM: u16 = 1 << 2;
    /// Set the modification time to now.
    pub const MTIM_NOW: u16 = 1 << 3;
}

/// `$rights` (a `u64`): what may be done with a descriptor.
pub mod rights {
    /// `fd_datasync`.
    pub const FD_DATASYNC: u64 = 1 << 0;
    /// `fd_read`.
    pub const FD_READ: u64 = 1 << 1;
    /// `fd_seek`.
    pub const FD_SEEK: u64 = 1 << 2;
    /// `fd_fdstat_set_flags`.
    pub const FD_FDSTAT_SET_FLAGS: u64 = 1 << 3;
    /// `fd_sync`.
    pub const FD_SYNC: u64 = 1 << 4;
    /// `fd_tell`.
    pub const FD_TELL: u64 = 1 << 5;
    /// `fd_write`.
    pub const FD_WRITE: u64 = 1 << 6;
    /// `fd_advise`.
    pub const FD_ADVISE: u64 = 1 << 7;
    /// `fd_allocate`.
    pub const FD_ALLOCATE: u64 = 1 << 8;
    /// `path_create_directory`.
    pub const PATH_CREATE_DIRECTORY: u64 = 1 << 9;
    /// `path_open` with `creat`.
    pub const PATH_CREATE_FILE: u64 = 1 << 10;
    /// `path_link` source.
    pub const PATH_LINK_SOURCE: u64 = 1 << 11;
    /// `path_link` target.
    pub const PATH_LINK_TARGET: u64 = 1 << 12;
    /// `path_open`.
    pub const PATH_OPEN: u64 = 1 << 13;
    /// `fd_readdir`.
    pub const FD_READDIR: u64 = 1 << 14;
    /// `path_readlink`.
    pub const PATH_READLINK: u64 = 1 << 15;
    /// `path_rename` source.
    pub const PATH_RENAME_SOURCE: u64 = 1 << 16;
    /// `path_rename` target.
    pub const PATH_RENAME_TARGET: u64 = 1 << 17;
    /// `path_filestat_get`.
    pub const PATH_FILESTAT_GET: u64 = 1 << 18;
    /// `path_filestat_set_size` (truncation by `path_open`).
    pub const PATH_FILESTAT_SET_SIZE: u64 = 1 << 19;
    /// `path_filestat_set_times`.
    pub const PATH_FILESTAT_SET_TIMES: u64 = 1 << 20;
    /// `fd_filestat_get`.
    pub const FD_FILESTAT_GET: u64 = 1 << 21;
    /// `fd_filestat_set_size`.
    pub const FD_FILESTAT_SET_SIZE: u64 = 1 << 22;
    /// `fd_filestat_set_times`.
    pub const FD_FILESTAT_SET_TIMES: u64 = 1 << 23;
    /// `path_symlink`.
    pub const PATH_SYMLINK: u64 = 1 << 24;
    /// `path_remove_directory`.
    pub const PATH_REMOVE_DIRECTORY: u64 = 1 << 25;
    /// `path_unlink_file`.
    pub const PATH_UNLINK_FILE: u64 = 1 << 26;
    /// `poll_oneoff` on read or write readiness.
    pub const POLL_FD_READWRITE: u64 = 1 << 27;
    /// `sock_shutdown`.
    pub const SOCK_SHUTDOWN: u64 = 1 << 28;
    /// `sock_accept`.
    pub const SOCK_ACCEPT: u64 = 1 << 29;

    /// Every right.
    pub const ALL: u64 = (1 << 30) - 1;
    /// What a regular file may be granted.
    pub const FILE: u64 = FD_DATASYNC
        | FD_READ
        | FD_SEEK
        | FD_FDSTAT_SET_FLAGS
        | FD_SYNC
        | FD_TELL
        | FD_WRITE
        | FD_ADVISE
        | FD_ALLOCATE
        | FD_FILESTAT_GET
        | FD_FILESTAT_SET_SIZE
        | FD_FILESTAT_SET_TIMES
        | POLL_FD_READWRITE;
    /// What a directory may be granted (on itself).
    pub const DIRECTORY: u64 = FD_FDSTAT_SET_FLAGS
        | FD_SYNC
        | FD_ADVISE
        | PATH_CREATE_DIRECTORY
        | PATH_CREATE_FILE
        | PATH_LINK_SOURCE
        | PATH_LINK_TARGET
        | PATH_OPEN
        | FD_READDIR
        | PATH_READLINK
        | PATH_RENAME_SOURCE
        | PATH_RENAME_TARGET
        | PATH_FILESTAT_GET
        | PATH_FILESTAT_SET_SIZE
        | PATH_FILESTAT_SET_TIMES
        | FD_FILESTAT_GET
        | FD_FILESTAT_SET_TIMES
        | PATH_SYMLINK
        | PATH_REMOVE_DIRECTORY
        | PATH_UNLINK_FILE;
    /// Rights that change the file system, withheld beneath a read-only preopen.
    pub const MUTATING: u64 = FD_DATASYNC
        | FD_WRITE
        | FD_ALLOCATE
        | FD_SYNC
        | PATH_CREATE_DIRECTORY
        | PATH_CREATE_FILE
        | PATH_LINK_SOURCE
        | PATH_LINK_TARGET
        | PATH_RENAME_SOURCE
        | PATH_RENAME_TARGET
        | PATH_FILESTAT_SET_SIZE
        | PATH_FILESTAT_SET_TIMES
        | FD_FILESTAT_SET_SIZE
        | FD_FILESTAT_SET_TIMES
        | PATH_SYMLINK
        | PATH_REMOVE_DIRECTORY
        | PATH_UNLINK_FILE;
    /// What standard input, output and error are granted.
    pub const STDIO: u64 =
        FD_READ | FD_WRITE | FD_FDSTAT_SET_FLAGS | FD_FILESTAT_GET | POLL_FD_READWRITE;
}

/// `$eventtype`.
pub mod eventtype {
    /// A clock's timeout.
    pub const CLOCK: u8 = 0;
    /// A descriptor has data to read.
    pub const FD_READ: u8 = 1;
    /// A descriptor can be written.
    pub const FD_WRITE: u8 = 2;
}

/// `$subclockflags`: the timeout is an absolute time.
pub const SUBSCRIPTION_CLOCK_ABSTIME: u16 = 1;
/// `$eventrwflags`: the peer hung up.
pub const EVENT_FD_READWRITE_HANGUP: u16 = 1;
/// `$preopentype`: a directory.
pub const PREOPENTYPE_DIR: u8 = 0;

/// Sizes of the records in guest memory (wasm32).
pub mod size {
    /// `$iovec` and `$ciovec`: pointer, length.
    pub const IOVEC: u32 = 8;
    /// `$fdstat`.
    pub const FDSTAT: u32 = 24;
    /// `$filestat`.
    pub const FILESTAT: u32 = 64;
    /// `$dirent` header (the name follows).
    pub const DIRENT: u32 = 24;
    /// `$subscription`.
    pub const SUBSCRIPTION: u32 = 48;
    /// `$event`.
    pub const EVENT: u32 = 32;
}
