//! The `name` custom section: module and function names, demangled for display.

use std::collections::HashMap;

/// Module and function names from a module's `name` section.
#[derive(Debug, Default, Clone)]
pub(crate) struct Names {
    /// Module name.
    pub(crate) module: Option<String>,
    funcs: HashMap<u32, String>,
}

impl Names {
    /// Reads a name section, keeping whatever decodes before a malformed part.
    pub(crate) fn read(reader: wasmparser::NameSectionReader<'_>) -> Names {
        let mut names = Names::default();
        for name in reader {
            let Ok(name) = name else { break };
            match name {
                wasmparser::Name::Module { name, .. } => names.module = Some(name.to_string()),
                wasmparser::Name::Function(map) => {
                    for naming in map.into_iter().map_while(Result::ok) {
                        names.funcs.insert(naming.index, naming.name.to_string());
                    }
                }
                _ => {}
            }
        }
        names
    }

    /// The demangled name of function `index`, if the module names it.
    pub(crate) fn func(&self, index: u32) -> Option<String> {
        self.funcs.get(&index).map(|name| demangle(name))
    }
}

/// A Rust or C++ symbol in readable form; any other name as it is.
pub(crate) fn demangle(name: &str) -> String {
    if let Ok(rust) = rustc_demangle::try_demangle(name) {
        // `{:#}` leaves out the hash suffix.
        return format!("{rust:#}");
    }
    if name.starts_with("_Z") {
        if let Ok(cpp) = cpp_demangle::Symbol::new(name) {
            if let Ok(text) = cpp.demangle() {
                return text;
            }
        }
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::demangle;

    #[test]
    fn rust_and_cpp_names_are_demangled() {
        assert_eq!(
            demangle("_ZN4core9panicking5panic17h0123456789abcdefE"),
            "core::panicking::panic"
        );
        assert_eq!(demangle("_ZN3foo3barEv"), "foo::bar()");
        assert_eq!(demangle("plain_name"), "plain_name");
    }
}
