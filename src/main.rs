use clap::Parser;

fn main() {
    let cli = espflow::cli::Cli::parse();
    if let Err(e) = espflow::commands::run(cli) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
