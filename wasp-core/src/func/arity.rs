//! The arities a typed function may have, written once for every macro that implements a
//! trait per arity.

/// Invokes `$m!` once for each arity from 0 to 12: `$m!()`, `$m!(A0 0)`, ...,
/// `$m!(A0 0, .., A11 11)`, each type parameter given with its tuple index. The names
/// `A0`..`A11` stay clear of the generic parameters (`T`, `F`, `R`) the impls declare.
macro_rules! for_each_arity {
    ($m:ident) => {
        $m!();
        $m!(A0 0);
        $m!(A0 0, A1 1);
        $m!(A0 0, A1 1, A2 2);
        $m!(A0 0, A1 1, A2 2, A3 3);
        $m!(A0 0, A1 1, A2 2, A3 3, A4 4);
        $m!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5);
        $m!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6);
        $m!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7);
        $m!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7, A8 8);
        $m!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7, A8 8, A9 9);
        $m!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7, A8 8, A9 9, A10 10);
        $m!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7, A8 8, A9 9, A10 10, A11 11);
    };
}

pub(crate) use for_each_arity;
