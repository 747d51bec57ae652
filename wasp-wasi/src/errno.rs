//! From the host's I/O errors to WASI errnos.

use std::io;

use crate::types::Errno;

impl From<io::Error> for Errno {
    /// The host's error number translated; an attempt to leave a preopen (which `cap-std`
    /// refuses without a number) is `perm`.
    fn from(e: io::Error) -> Errno {
        match e.raw_os_error() {
            Some(n) => from_raw(n),
            None => match e.kind() {
                io::ErrorKind::PermissionDenied => Errno::Perm,
                io::ErrorKind::NotFound => Errno::NoEnt,
                io::ErrorKind::AlreadyExists => Errno::Exist,
                io::ErrorKind::InvalidInput => Errno::Inval,
                io::ErrorKind::Unsupported => Errno::NotSup,
                io::ErrorKind::NotADirectory => Errno::NotDir,
                io::ErrorKind::IsADirectory => Errno::IsDir,
                io::ErrorKind::DirectoryNotEmpty => Errno::NotEmpty,
                io::ErrorKind::WouldBlock => Errno::Again,
                io::ErrorKind::Interrupted => Errno::Intr,
                io::ErrorKind::BrokenPipe => Errno::Pipe,
                _ => Errno::Io,
            },
        }
    }
}

impl From<rustix::io::Errno> for Errno {
    fn from(e: rustix::io::Errno) -> Errno {
        from_raw(e.raw_os_error())
    }
}

/// The WASI errno of a host error number.
fn from_raw(n: i32) -> Errno {
    use rustix::io::Errno as E;
    let table: &[(E, Errno)] = &[
        (E::TOOBIG, Errno::TooBig),
        (E::ACCESS, Errno::Acces),
        (E::ADDRINUSE, Errno::AddrInUse),
        (E::ADDRNOTAVAIL, Errno::AddrNotAvail),
        (E::AFNOSUPPORT, Errno::AfNoSupport),
        (E::AGAIN, Errno::Again),
        (E::ALREADY, Errno::Already),
        (E::BADF, Errno::Badf),
        (E::BADMSG, Errno::BadMsg),
        (E::BUSY, Errno::Busy),
        (E::CANCELED, Errno::Canceled),
        (E::CHILD, Errno::Child),
        (E::CONNABORTED, Errno::ConnAborted),
        (E::CONNREFUSED, Errno::ConnRefused),
        (E::CONNRESET, Errno::ConnReset),
        (E::DEADLK, Errno::Deadlk),
        (E::DESTADDRREQ, Errno::DestAddrReq),
        (E::DOM, Errno::Dom),
        (E::DQUOT, Errno::Dquot),
        (E::EXIST, Errno::Exist),
        (E::FAULT, Errno::Fault),
        (E::FBIG, Errno::Fbig),
        (E::HOSTUNREACH, Errno::HostUnreach),
        (E::IDRM, Errno::Idrm),
        (E::ILSEQ, Errno::Ilseq),
        (E::INPROGRESS, Errno::InProgress),
        (E::INTR, Errno::Intr),
        (E::INVAL, Errno::Inval),
        (E::IO, Errno::Io),
        (E::ISCONN, Errno::IsConn),
        (E::ISDIR, Errno::IsDir),
        (E::LOOP, Errno::Loop),
        (E::MFILE, Errno::Mfile),
        (E::MLINK, Errno::Mlink),
        (E::MSGSIZE, Errno::MsgSize),
        (E::MULTIHOP, Errno::Multihop),
        (E::NAMETOOLONG, Errno::NameTooLong),
        (E::NETDOWN, Errno::NetDown),
        (E::NETRESET, Errno::NetReset),
        (E::NETUNREACH, Errno::NetUnreach),
        (E::NFILE, Errno::Nfile),
        (E::NOBUFS, Errno::NoBufs),
        (E::NODEV, Errno::NoDev),
        (E::NOENT, Errno::NoEnt),
        (E::NOEXEC, Errno::NoExec),
        (E::NOLCK, Errno::NoLck),
        (E::NOLINK, Errno::NoLink),
        (E::NOMEM, Errno::NoMem),
        (E::NOMSG, Errno::NoMsg),
        (E::NOPROTOOPT, Errno::NoProtoOpt),
        (E::NOSPC, Errno::NoSpc),
        (E::NOSYS, Errno::NoSys),
        (E::NOTCONN, Errno::NotConn),
        (E::NOTDIR, Errno::NotDir),
        (E::NOTEMPTY, Errno::NotEmpty),
        (E::NOTRECOVERABLE, Errno::NotRecoverable),
        (E::NOTSOCK, Errno::NotSock),
        (E::NOTSUP, Errno::NotSup),
        (E::OPNOTSUPP, Errno::NotSup),
        (E::NOTTY, Errno::NoTty),
        (E::NXIO, Errno::Nxio),
        (E::OVERFLOW, Errno::Overflow),
        (E::OWNERDEAD, Errno::OwnerDead),
        (E::PERM, Errno::Perm),
        (E::PIPE, Errno::Pipe),
        (E::PROTO, Errno::Proto),
        (E::PROTONOSUPPORT, Errno::ProtoNoSupport),
        (E::PROTOTYPE, Errno::Prototype),
        (E::RANGE, Errno::Range),
        (E::ROFS, Errno::Rofs),
        (E::SPIPE, Errno::Spipe),
        (E::SRCH, Errno::Srch),
        (E::STALE, Errno::Stale),
        (E::TIMEDOUT, Errno::TimedOut),
        (E::TXTBSY, Errno::TxtBsy),
        (E::XDEV, Errno::Xdev),
    ];
    table
        .iter()
        .find(|(e, _)| e.raw_os_error() == n)
        .map_or(Errno::Io, |(_, w)| *w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_numbers_become_wasi_numbers() {
        assert_eq!(Errno::from(io::Error::from_raw_os_error(2)), Errno::NoEnt);
        assert_eq!(Errno::from(rustix::io::Errno::NOTEMPTY), Errno::NotEmpty);
        assert_eq!(
            Errno::from(io::Error::new(io::ErrorKind::PermissionDenied, "outside")),
            Errno::Perm
        );
    }
}
