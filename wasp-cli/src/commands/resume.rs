//! `wasp resume FILE --gas N [--save FILE2]`: continue a call saved by
//! `wasp run --gas M --save FILE` (or by an earlier `wasp resume --save`).

use std::path::Path;

use wasp_core::{Linker, Module, Store};

use super::gas::{self, MeteredCall};
use super::{read_file, Outcome};
use crate::cli::ResumeArgs;
use crate::error::CliError;
use crate::snapshot_file::SnapshotFile;

/// Rebuilds the store the snapshot was taken from, restores the saved state
/// and paused call into it, and continues the call with `args.gas` gas.
///
/// The store is rebuilt as `wasp run --gas` built it: the metered engine,
/// the module named by the snapshot (checked against its recorded content
/// hash) instantiated with no imports. What happens when the call finishes
/// or pauses again is [`gas::report`]'s.
pub fn resume(args: &ResumeArgs) -> Result<Outcome, CliError> {
    let snapshot = args.snapshot.as_path();
    let bytes = read_file(snapshot)?;
    let file = SnapshotFile::decode(&bytes).map_err(|error| CliError::SnapshotFormat {
        path: snapshot.to_owned(),
        error,
    })?;

    // `wasp` writes absolute paths; `join` keeps those as they are and reads
    // a relative one as relative to the snapshot's directory.
    let module_path = snapshot
        .parent()
        .unwrap_or(Path::new(""))
        .join(&file.module_path);
    let engine = gas::metered_engine();
    let module_bytes = std::fs::read(&module_path).map_err(|source| CliError::SnapshotModule {
        snapshot: snapshot.to_owned(),
        module: module_path.clone(),
        source,
    })?;
    let module = Module::new(&engine, &module_bytes).map_err(|error| CliError::Invalid {
        path: module_path.clone(),
        error,
    })?;
    if module.content_hash() != file.module_hash {
        return Err(CliError::ModuleChanged {
            snapshot: snapshot.to_owned(),
            module: module_path,
            expected: file.module_hash,
            found: module.content_hash(),
        });
    }

    // As in `wasp run`, resolve the path to record before running.
    let record_path = match &args.save {
        Some(_) => gas::absolute(&module_path)?,
        None => module_path.clone(),
    };

    if let Some(wasi) = &file.wasi {
        let call = MeteredCall {
            module_path: record_path,
            module_hash: file.module_hash,
            function: file.function.clone(),
        };
        return super::wasi::resume(args, &engine, &module, &file.store, wasi, &call);
    }
    let call_error = |error| CliError::Call {
        name: file.function.clone(),
        error,
    };
    let mut store = Store::new(&engine, ());
    // The start function runs again while the store is rebuilt; it finished
    // within the original budget, and its effects are overwritten by the
    // restore, so it runs unbounded and its gas is not counted.
    store.set_gas(u64::MAX).map_err(call_error)?;
    Linker::<()>::new(&engine)
        .instantiate(&mut store, &module)
        .map_err(|error| CliError::Instantiate {
            path: module_path.clone(),
            error,
        })?;
    let paused = store
        .restore(&file.store)
        .map_err(|error| CliError::Restore {
            path: snapshot.to_owned(),
            error,
        })?
        .ok_or_else(|| CliError::NoPausedCall {
            path: snapshot.to_owned(),
        })?;
    store.set_gas(args.gas).map_err(call_error)?;
    let outcome = paused.resume(&mut store, &[]).map_err(call_error)?;

    let call = MeteredCall {
        module_path: record_path,
        module_hash: file.module_hash,
        function: file.function.clone(),
    };
    gas::report(&store, &call, outcome, args.save.as_deref())
}
