//! The `mueang` command line; everything lives in `mueang::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    mueang::cli::main()
}

// The browser build compiles every binary target; this one has nothing to do there.
#[cfg(target_arch = "wasm32")]
fn main() {}
