//! DWARF debug info (the `.debug_*` custom sections): source file and line of a code offset.

use std::collections::HashMap;
use std::sync::Arc;

use addr2line::gimli;

use super::SourceLocation;

/// A module's `.debug_*` sections, by name.
#[derive(Debug, Default, Clone)]
pub(crate) struct DebugSections {
    sections: HashMap<String, Arc<[u8]>>,
}

/// Reads the sections where the module keeps them.
pub(crate) type Reader<'a> = gimli::EndianSlice<'a, gimli::LittleEndian>;

impl DebugSections {
    pub(crate) fn insert(&mut self, name: &str, data: &[u8]) {
        self.sections.insert(name.to_string(), Arc::from(data));
    }

    /// Whether the module has any DWARF at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// A reader of the debug info; `None` when it is missing or malformed.
    pub(crate) fn context(&self) -> Option<addr2line::Context<Reader<'_>>> {
        if !self.sections.contains_key(".debug_info") {
            return None;
        }
        let load = |id: gimli::SectionId| -> Result<Reader<'_>, gimli::Error> {
            let data = self.sections.get(id.name()).map_or(&[][..], |d| &d[..]);
            Ok(gimli::EndianSlice::new(data, gimli::LittleEndian))
        };
        let dwarf = gimli::Dwarf::load(load).ok()?;
        addr2line::Context::from_dwarf(dwarf).ok()
    }
}

/// The source position of code-section offset `address`, if the debug info knows it.
pub(crate) fn locate(
    context: &addr2line::Context<Reader<'_>>,
    address: u64,
) -> Option<SourceLocation> {
    let location = context.find_location(address).ok()??;
    Some(SourceLocation {
        file: location.file?.to_string(),
        line: location.line,
        column: location.column,
    })
}
