//! The `espflow` command. Everything it does is in [`cli`]; this file only turns the outcome
//! into the exit status, once.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let (args, matches) = cli::parse();
    let format = args.output.format;
    match cli::run(args, &matches) {
        Ok(()) => ExitCode::from(cli::exit::OK),
        Err(e) => {
            cli::output::report_error(format, &e);
            ExitCode::from(cli::exit::for_error(&e))
        }
    }
}
