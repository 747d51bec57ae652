//! What `wasp run --gas` and `wasp resume` share: the metered engine, and reporting how a
//! metered call (or one step of it) ended, saving it when it paused.

use std::path::{Path, PathBuf};

use wasp_core::{CallOutcome, Engine, Store};

use super::{print_lines, Outcome};
use crate::args::format_val;
use crate::error::CliError;
use crate::snapshot_file::SnapshotFile;

/// The engine of metered runs: gas metering on, default costs and limits.
///
/// `wasp resume` must rebuild the store exactly as `wasp run --gas` built it, so both
/// take their engine from here.
pub fn metered_engine() -> Engine {
    let mut config = super::config();
    config.gas_metering(true);
    Engine::new(&config)
}

/// The metered call being reported, as a snapshot file records it.
#[derive(Debug)]
pub struct MeteredCall {
    /// The exported function that was called.
    pub function: String,
    /// The module's path: absolute whenever the call may be saved.
    pub module_path: PathBuf,
    /// The module's content hash.
    pub module_hash: u64,
}

/// The canonical absolute form of `path`, for recording in a snapshot file.
pub fn absolute(path: &Path) -> Result<PathBuf, CliError> {
    std::fs::canonicalize(path).map_err(|source| CliError::Read {
        path: path.to_owned(),
        source,
    })
}

/// Reports how a step of a metered call ended.
///
/// A finished call prints its results on stdout, one per line, and `gas used: X` (for the
/// whole call, over all its steps) on stderr. A call that ran out of gas is saved to `save`
/// if given, and one line on stderr says that it paused, how much gas it used, how much its
/// next step needs and where it was saved.
pub fn report(
    store: &Store<()>,
    call: &MeteredCall,
    outcome: CallOutcome,
    save: Option<&Path>,
) -> Result<Outcome, CliError> {
    let paused = match outcome {
        CallOutcome::Finished { results, gas_used } => {
            print_lines(results.iter().map(format_val))?;
            eprintln!("gas used: {gas_used}");
            return Ok(Outcome::Done);
        }
        CallOutcome::OutOfGas(paused) | CallOutcome::Interrupted(paused) => paused,
        CallOutcome::Yielded(_) => {
            return Err(CliError::Yielded {
                name: call.function.clone(),
            })
        }
    };
    // The store keeps the gas it could not spend; the next step costs that plus what was
    // missing, and `wasp resume --gas N` replaces the store's gas with N.
    let left = store.gas_left().map_err(|error| CliError::Call {
        name: call.function.clone(),
        error,
    })?;
    let next = paused.gas_needed().unwrap_or(0).saturating_add(left);
    let saved = match save {
        Some(path) => {
            let file = SnapshotFile {
                module_path: call.module_path.clone(),
                module_hash: call.module_hash,
                function: call.function.clone(),
                store: store.snapshot(Some(&paused)),
                wasi: None,
            };
            let bytes = file
                .encode()
                .map_err(|path| CliError::PathNotUtf8 { path })?;
            std::fs::write(path, bytes).map_err(|source| CliError::WriteSnapshot {
                path: path.to_owned(),
                source,
            })?;
            format!(
                "saved to `{0}`: continue with `wasp resume {0} --gas N`",
                path.display()
            )
        }
        None => "not saved (pass --save FILE to be able to resume it)".to_owned(),
    };
    eprintln!(
        "paused: `{}` ran out of gas after using {} gas; its next step needs {next} gas; {saved}",
        call.function,
        paused.gas_used()
    );
    Ok(Outcome::Paused)
}
