use std::process::ExitCode;

use clap::Parser;
use triangulate::cli::{Cli, Run, run};

fn main() -> ExitCode {
    triangulate::cli::allocator::return_freed_memory();
    match run(Cli::parse()) {
        Run::Done(code) => code,
        Run::Window(args) => triangulate::ui::run(*args),
    }
}
