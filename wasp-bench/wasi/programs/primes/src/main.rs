//! Counts the primes below N (argv[1], default 2,000,000) with a sieve, prints the count,
//! and, given a second argument, writes every prime to that file, one per line.

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2_000_000);
    let mut composite = vec![false; n];
    let mut primes = Vec::new();
    for i in 2..n {
        if !composite[i] {
            primes.push(i);
            let mut j = i * i;
            while j < n {
                composite[j] = true;
                j += i;
            }
        }
    }
    println!("{}", primes.len());
    if let Some(path) = args.next() {
        let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut out = std::io::BufWriter::new(file);
        for p in &primes {
            let _ = writeln!(out, "{p}");
        }
    }
}
