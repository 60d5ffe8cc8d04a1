//! The fuzz target's short run in `cargo test`: every input the fuzzer kept
//! (`fuzz/corpus/open_merge_rules/`, minimised) and every seed it started from (the
//! bad-bundle corpus and the v1 example) goes through the very function the fuzzer runs,
//! natively on stable, without a fuzzer. A crash the fuzzer found stays fixed this way.

#[path = "../fuzz/src/target.rs"]
mod target;

use std::fs;
use std::path::{Path, PathBuf};

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn replay(files: &[PathBuf]) {
    for file in files {
        let bytes = fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let run = std::panic::catch_unwind(|| target::run(&bytes));
        assert!(run.is_ok(), "the fuzz target fails on {}", file.display());
    }
}

#[test]
fn the_committed_fuzz_corpus_replays_without_a_crash() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = files_in(&root.join("fuzz/corpus/open_merge_rules"));
    assert!(
        corpus.len() >= 100,
        "the committed corpus has {} inputs; fuzz/README.md says how to refresh it",
        corpus.len()
    );
    replay(&corpus);
}

#[test]
fn the_fuzzers_seeds_replay_without_a_crash() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bad = root.join("tests/fixtures/bad-bundles");
    let mut seeds = files_in(&root.join("tests/fixtures/v1"));
    for entry in fs::read_dir(&bad).expect("the bad-bundle corpus") {
        let case = entry.expect("a directory entry").path();
        if case.is_dir() {
            seeds.extend(files_in(&case));
        }
    }
    assert!(seeds.len() > 40, "only {} seeds found", seeds.len());
    replay(&seeds);
}
