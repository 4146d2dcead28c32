use std::process::ExitCode;

use clap::Parser;
use triangulate::cli::{Cli, Run, run};

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Run::Done(code) => code,
        Run::Window(args) => triangulate::ui::run(*args),
    }
}
