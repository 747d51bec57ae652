//! Where the references of a snapshot's bytes sit: a reader of the snapshot format (see the
//! `snapshot` module of wasp-core) that returns byte offsets, for forging snapshots in tests
//! and in the `snapshot_restore` fuzz target.

/// Value type codes of the format.
pub const FUNCREF: u8 = 4;
/// See [`FUNCREF`].
pub const EXTERNREF: u8 = 5;
/// Not a code of the format: a value slot, whose type the bytes do not tell.
pub const UNTYPED: u8 = 0xff;

/// The places of one snapshot, as byte offsets of 8-byte little-endian slots.
#[derive(Debug, Default, Clone)]
pub struct Places {
    /// Per instance: the store indices of its function index space.
    pub instance_funcs: Vec<Vec<u64>>,
    /// Per store table: its element type code and the offsets of its elements.
    pub tables: Vec<(u8, Vec<usize>)>,
    /// Per store global: its type code and the offset of its value.
    pub globals: Vec<(u8, usize)>,
    /// The yielded value's type code and offset, if the paused call yielded.
    pub yielded: Option<(u8, usize)>,
    /// The paused call's frames: store function, position, base.
    pub frames: Vec<(u32, u32, u32)>,
    /// The offsets of the paused call's value slots.
    pub values: Vec<usize>,
}

impl Places {
    /// Every reference-typed place whose type the bytes tell (table elements, globals, the
    /// yielded value) with its type code, followed by every value slot ([`UNTYPED`]).
    pub fn all(&self) -> Vec<(u8, usize)> {
        let mut out = Vec::new();
        for (ty, elems) in &self.tables {
            out.extend(elems.iter().map(|&at| (*ty, at)));
        }
        out.extend(self.globals.iter().copied());
        out.extend(self.yielded);
        out.retain(|&(ty, _)| ty == FUNCREF || ty == EXTERNREF);
        out.extend(self.values.iter().map(|&at| (UNTYPED, at)));
        out
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// A length, bounded by the bytes left so a bad one cannot make us loop for long.
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n <= self.bytes.len()).then_some(n)
    }

    fn opt_u64(&mut self) -> Option<()> {
        if self.u8()? == 1 {
            self.u64()?;
        }
        Some(())
    }

    fn host_call(&mut self) -> Option<()> {
        self.take(4 + 8 + 1).map(|_| ())
    }
}

/// Reads the places of `bytes`; `None` if they are not a well-formed snapshot.
pub fn places(bytes: &[u8]) -> Option<Places> {
    let mut c = Cursor { bytes, at: 0 };
    let mut p = Places::default();
    c.take(8 + 4 + 8)?;
    let nums: Vec<u64> = (0..c.len()?).map(|_| c.u64()).collect::<Option<_>>()?;
    p.instance_funcs = instance_funcs(&nums)?;
    for _ in 0..c.len()? {
        let n = c.len()?;
        c.take(n)?;
    }
    for _ in 0..c.len()? {
        c.u8()?; // the index type
        c.u8()?; // the page size
        c.opt_u64()?;
        let n = c.len()?;
        c.take(n)?;
    }
    for _ in 0..c.len()? {
        c.u8()?; // the index type
        let ty = c.u8()?;
        c.opt_u64()?;
        let n = c.len()?;
        let elems = (0..n).map(|k| c.at + 8 * k).collect();
        c.take(n.checked_mul(8)?)?;
        p.tables.push((ty, elems));
    }
    for _ in 0..c.len()? {
        let ty = c.u8()?;
        c.u8()?;
        p.globals.push((ty, c.at));
        c.u64()?;
    }
    for _ in 0..2 {
        let n = c.len()?;
        c.take(n)?;
    }
    if c.u8()? == 1 {
        read_call(&mut c, &mut p)?;
    }
    Some(p)
}

fn read_call(c: &mut Cursor<'_>, p: &mut Places) -> Option<()> {
    match c.u8()? {
        0 => {
            c.u64()?;
            if c.u8()? == 1 {
                c.host_call()?;
            }
        }
        _ => {
            let ty = c.u8()?;
            p.yielded = Some((ty, c.at));
            c.u64()?;
            c.host_call()?;
        }
    }
    let n = c.len()?;
    c.take(n)?;
    c.u64()?;
    for _ in 0..c.len()? {
        p.frames.push((c.u32()?, c.u32()?, c.u32()?));
    }
    let n = c.len()?;
    p.values = (0..n).map(|k| c.at + 8 * k).collect();
    c.take(n.checked_mul(8)?)?;
    Some(())
}

/// The function index spaces in a layout list (see the format).
fn instance_funcs(nums: &[u64]) -> Option<Vec<Vec<u64>>> {
    let mut out = Vec::new();
    let mut at = 1;
    for _ in 0..*nums.first()? {
        at += 1; // content hash
        for space in 0..6 {
            let len = usize::try_from(*nums.get(at)?).ok()?;
            let entries = nums.get(at + 1..at + 1 + len)?;
            if space == 0 {
                out.push(entries.to_vec());
            }
            at += 1 + len;
        }
    }
    Some(out)
}

/// Writes `value` at `at`.
pub fn poke(bytes: &mut [u8], at: usize, value: u64) {
    bytes[at..at + 8].copy_from_slice(&value.to_le_bytes());
}

/// Reads the 8-byte value at `at`.
pub fn peek(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"))
}
