//! When function bodies are translated into Wasp's IR: all in `Module::new`, or each on its
//! first call.

/// When [`Module::new`](crate::Module::new) translates function bodies into Wasp's IR.
///
/// In both modes `Module::new` validates every function body, so an invalid module fails
/// there with the same error. Translation gives the same code either way: results, gas
/// figures, pause points and snapshots do not depend on the mode, and a snapshot taken with
/// one mode restores with the other.
///
/// ```
/// use wasp_core::{CompilationMode, Config, Engine, Module};
/// let wat = r#"(module (func (export "f") (result i32) i32.const 7))"#;
/// let mut config = Config::default();
/// assert_eq!(config.get_compilation_mode(), CompilationMode::Lazy);
/// config.compilation_mode(CompilationMode::Eager);
/// let module = Module::new(&Engine::new(&config), wat)?;
/// # let _ = module;
/// // An invalid body fails `Module::new` in either mode.
/// let invalid = r#"(module (func (result i32) i64.const 7))"#;
/// assert!(Module::new(&Engine::default(), invalid).is_err());
/// # Ok::<(), wasp_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CompilationMode {
    /// Each function body is validated by `Module::new` and translated when it is first
    /// needed: its first call, or a snapshot, backtrace or trace that needs its code. A body
    /// is translated once per module, whatever the number of stores and threads using it.
    /// Functions that are never called are never translated, so modules start fast.
    #[default]
    Lazy,
    /// Every function body is validated and translated by `Module::new`: calls never wait
    /// for translation.
    Eager,
}
