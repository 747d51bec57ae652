//! Saying where two store layouts first differ, in the words of index spaces.

const SPACES: [&str; 6] = ["function", "table", "memory", "global", "data", "element"];

/// What the store's layout `want` has and what the snapshot's `have` has at their first
/// difference: `(expected, found)`, each naming the instance, the index space and the entry.
///
/// The layout is `[instances, per instance: content hash, six index spaces as (length,
/// store addresses...)], functions, per function: its instance or u64::MAX for a host one]`.
pub(super) fn first_difference(want: &[u64], have: &[u64]) -> (String, String) {
    let at = want
        .iter()
        .zip(have)
        .position(|(a, b)| a != b)
        .unwrap_or(want.len().min(have.len()));
    let place = describe(want, at);
    let show = |v: &[u64]| match v.get(at) {
        Some(&x) => format!("{place}: {}", value(want, at, x)),
        None => format!("{place}: nothing (the layout ends)"),
    };
    (show(want), show(have))
}

/// What position `at` of a layout is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Instances,
    Hash(usize),
    Len(usize, usize),
    Entry(usize, usize, usize),
    Funcs,
    Owner(usize),
}

fn part(want: &[u64], at: usize) -> Part {
    if at == 0 {
        return Part::Instances;
    }
    let mut pos = 1;
    let instances = want.first().copied().unwrap_or(0) as usize;
    for i in 0..instances {
        if pos >= want.len() {
            break;
        }
        if at == pos {
            return Part::Hash(i);
        }
        pos += 1;
        for space in 0..SPACES.len() {
            let len = want.get(pos).copied().unwrap_or(0) as usize;
            if at == pos {
                return Part::Len(i, space);
            }
            if at <= pos.saturating_add(len) {
                return Part::Entry(i, space, at - pos - 1);
            }
            pos = pos.saturating_add(1).saturating_add(len);
        }
    }
    if at == pos {
        Part::Funcs
    } else {
        Part::Owner(at.saturating_sub(pos + 1))
    }
}

fn describe(want: &[u64], at: usize) -> String {
    match part(want, at) {
        Part::Instances => "the number of instances".into(),
        Part::Hash(i) => format!("instance {i}'s module"),
        Part::Len(i, s) => format!("the size of instance {i}'s {} index space", SPACES[s]),
        Part::Entry(i, s, k) => format!("instance {i}'s {} {k}", SPACES[s]),
        Part::Funcs => "the number of store functions".into(),
        Part::Owner(f) => format!("the owner of store function {f}"),
    }
}

fn value(want: &[u64], at: usize, x: u64) -> String {
    match part(want, at) {
        Part::Hash(_) => format!("content hash {x:016x}"),
        Part::Len(..) => format!("{x} entries"),
        Part::Entry(_, s, _) => format!("store {} {x}", SPACES[s]),
        Part::Owner(_) if x == u64::MAX => "the host".into(),
        Part::Owner(_) => format!("instance {x}"),
        Part::Instances | Part::Funcs => x.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::first_difference;

    #[test]
    fn names_the_differing_entry() {
        // One instance, two functions (store 0 and 1), nothing else; two store functions.
        let want = [1, 0xabc, 2, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0];
        let mut have = want;
        have[4] = 5;
        let (expected, found) = first_difference(&want, &have);
        assert_eq!(expected, "instance 0's function 1: store function 1");
        assert_eq!(found, "instance 0's function 1: store function 5");
    }

    #[test]
    fn names_a_differing_size() {
        let want = [1, 0xabc, 0, 1, 3, 0, 0, 0, 0, 0];
        let mut have = want;
        have[3] = 2;
        let (expected, found) = first_difference(&want, &have);
        assert_eq!(
            expected,
            "the size of instance 0's table index space: 1 entries"
        );
        assert_eq!(
            found,
            "the size of instance 0's table index space: 2 entries"
        );
    }
}
