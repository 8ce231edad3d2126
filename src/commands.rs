//! What each subcommand does, on top of the library.

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::chip::Chip;
use crate::cli::{
    Cli, Commands, ConnectArgs, Format, PartitionTableCommand, VirtualChipArgs, WriteFlags,
    WriteFlashArgs,
};
use crate::flasher::{self, WriteOptions};
use crate::loader::{Before, ConnectOptions, Loader};
use crate::numbers::parse_u32;
use crate::plan::{Image, human_size};
use crate::port::{self, PortKind, VirtualOptions};
use crate::progress;
use crate::stub::StubImage;
use crate::virtual_chip::{self, ChipConfig, Efuses, NorFlash, VirtualChip};

pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Commands::BoardInfo => board_info(&cli.conn),
        Commands::ReadFlash { addr, size, file } => {
            let mut l = connect(&cli.conn)?;
            let data = flasher::read_region(&mut l, addr, size, &mut *progress_for(&cli.conn))?;
            std::fs::write(&file, &data)
                .with_context(|| format!("cannot write {}", file.display()))?;
            eprintln!("read {size} bytes at 0x{addr:X} into {}", file.display());
            finish(l, &cli.conn)
        }
        Commands::WriteFlash(args) => write_flash(&cli.conn, &args),
        Commands::EraseRegion { addr, size } => {
            let mut l = connect(&cli.conn)?;
            flasher::erase_region(&mut l, addr, size)?;
            eprintln!("erased 0x{size:X} bytes at 0x{addr:X}");
            finish(l, &cli.conn)
        }
        Commands::EraseFlash => {
            let mut l = connect(&cli.conn)?;
            flasher::erase_flash(&mut l)?;
            eprintln!("erased the whole flash");
            finish(l, &cli.conn)
        }
        Commands::ChecksumMd5 { addr, size } => {
            let mut l = connect(&cli.conn)?;
            let d = flasher::checksum_md5(&mut l, addr, size)?;
            println!("{}", flasher::hex(&d));
            finish(l, &cli.conn)
        }
        Commands::VirtualChip(args) => serve_virtual_chip(&args),
        Commands::PartitionTable { command } => partition_table(&cli.conn, command),
        Commands::WritePartition {
            name,
            file,
            flags,
            table,
        } => crate::partition_ops::write(&cli.conn, &name, &file, &flags, &table),
        Commands::ReadPartition { name, file, table } => {
            crate::partition_ops::read(&cli.conn, &name, &file, &table)
        }
        Commands::ErasePartition {
            names,
            data_parts,
            ptype,
            subtype,
            table,
        } => crate::partition_ops::erase(
            &cli.conn,
            &names,
            data_parts,
            ptype.as_deref(),
            subtype.as_deref(),
            &table,
        ),
        Commands::Ota { command } => crate::ota_ops::run(&cli.conn, command),
        Commands::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "espflow",
                &mut std::io::stdout(),
            );
            Ok(())
        }
    }
}

/// Opens the port, connects to the loader, starts the stub, switches baud and attaches the
/// flash: everything a command needs before its first flash operation.
pub fn connect(args: &ConnectArgs) -> Result<Loader> {
    let mut loader = connect_rom(args)?;
    start_stub(&mut loader, args)?;
    Ok(loader)
}

/// Connects to the loader and attaches the flash, at the loader's own rate and without a
/// stub: enough for commands that need a few checks and nothing more.
pub fn connect_rom(args: &ConnectArgs) -> Result<Loader> {
    let spec = args
        .port
        .as_deref()
        .context("no port given: use --port PORT or set ESPFLOW_PORT")?;
    let port = port::open(spec, 115_200, &VirtualOptions::default())?;
    let kind = port.kind();
    // Sockets and in-process chips have no modem lines worth pulsing.
    let before = args.before.unwrap_or(match kind {
        PortKind::Serial => Before::DefaultReset,
        PortKind::Socket | PortKind::Virtual => Before::NoReset,
    });
    let opts = ConnectOptions {
        before,
        chip: args.chip,
        attempts: args.connect_attempts.max(1),
    };
    let mut loader = Loader::connect(port, &opts)?;
    if loader.is_stub() {
        loader.negotiate();
    }
    loader.attach_flash().context("attaching the SPI flash")?;
    Ok(loader)
}

/// Uploads espflow's stub (where there is one to use) and switches to `--baud`. The stub
/// goes up at the loader's own rate, as esptool does: ROM loaders are less dependable at
/// high rates than a stub that drains its FIFO itself.
pub fn start_stub(loader: &mut Loader, args: &ConnectArgs) -> Result<()> {
    if !loader.is_stub()
        && !args.no_stub
        && let Some(image) = StubImage::for_chip(loader.chip())
    {
        if crate::stub::verified(loader.chip()) || args.experimental_stub {
            loader
                .upload_stub(&image)
                .with_context(|| format!("starting the {} stub", loader.chip()))?;
        } else {
            eprintln!(
                "note: espflow's {} stub has not been verified on that chip yet; using the \
                 ROM loader (--experimental-stub tries the stub)",
                loader.chip()
            );
        }
    }
    loader
        .change_baud(args.baud)
        .with_context(|| format!("switching to {} baud", args.baud))?;
    // A freshly started stub knows nothing of the flash yet.
    loader.attach_flash().context("attaching the SPI flash")?;
    Ok(())
}

fn finish(loader: Loader, args: &ConnectArgs) -> Result<()> {
    loader.finish(args.after)?;
    Ok(())
}

fn board_info(args: &ConnectArgs) -> Result<()> {
    let mut l = connect(args)?;
    let chip = l.chip();
    let rev = l
        .revision()?
        .map(|(a, b)| format!(" (revision v{a}.{b})"))
        .unwrap_or_default();
    let mac = l.mac()?;
    let id = l.flash_id()?;
    let size = l.flash_size().unwrap_or(0);
    println!("Chip:         {chip}{rev}");
    if let Some(x) = chip.facts().crystal_mhz() {
        println!("Crystal:      {x} MHz");
    }
    println!(
        "MAC:          {}",
        mac.iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(":")
    );
    println!(
        "Flash ID:     0x{id:06X} (manufacturer 0x{:02X}, device 0x{:02X}{:02X})",
        id & 0xFF,
        (id >> 8) & 0xFF,
        (id >> 16) & 0xFF
    );
    println!("Flash size:   {}", human_size(size as u64));
    match l.security_info() {
        Some(s) => println!(
            "Security:     flash encryption {} (crypt count {}), secure boot {}, secure download {}",
            on_off(s.flash_encryption()),
            s.flash_crypt_cnt,
            on_off(s.secure_boot()),
            on_off(s.secure_download())
        ),
        None => println!("Security:     not reported by this chip's ROM"),
    }
    let loader = match (l.is_stub(), l.capabilities()) {
        (false, _) => "ROM".to_string(),
        (true, Some(c)) => format!("espflow stub (protocol v{})", c.version),
        (true, None) => "stub (not espflow's)".to_string(),
    };
    println!("Loader:       {loader}");
    finish(l, args)
}

fn on_off(b: bool) -> &'static str {
    if b { "on" } else { "off" }
}

fn write_flash(conn: &ConnectArgs, args: &WriteFlashArgs) -> Result<()> {
    if !args.images.len().is_multiple_of(2) {
        bail!(
            "write-flash takes ADDR FILE pairs; '{}' has no file",
            args.images.last().unwrap()
        );
    }
    // Every file is read and every address parsed before the chip is touched.
    let mut images = Vec::new();
    for pair in args.images.chunks(2) {
        let addr = parse_u32(&pair[0]).map_err(anyhow::Error::msg)?;
        let path = Path::new(&pair[1]);
        let data =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        images.push(Image {
            addr,
            data,
            name: path.display().to_string(),
        });
    }
    let mut l = connect_rom(conn)?;
    let journal = crate::journal::default_dir().map(crate::journal::Journal::new);
    let opts = write_options(&args.flags);
    // When every image is already in place, one MD5 each proves it and the stub is never
    // needed; otherwise the stub starts and the write compares sector by sector.
    let s = match flasher::already_in_place(&mut l, &images, opts, journal.as_ref())? {
        Some(s) => s,
        None => {
            start_stub(&mut l, conn)?;
            flasher::write_images(
                &mut l,
                &images,
                opts,
                journal.as_ref(),
                &mut *progress_for(conn),
            )?
        }
    };
    report(conn, &s);
    finish(l, conn)
}

pub fn write_options(f: &WriteFlags) -> WriteOptions {
    WriteOptions {
        verify: !f.no_verify,
        compress: !f.no_compress,
        skip_unchanged: !f.no_skip,
        resume: !f.no_resume,
    }
}

/// Prints a write's summary: a JSON line for scripts, a sentence otherwise.
pub fn report(conn: &ConnectArgs, s: &flasher::WriteSummary) {
    match conn.format {
        Format::Json => println!("{}", s.to_json()),
        Format::Text => eprintln!(
            "wrote {} bytes ({} on the wire), skipped {} already in place, {} sectors erased, \
             {} written, in {:.2} s{}{}",
            s.bytes_sent,
            s.wire_bytes,
            s.bytes_skipped,
            s.sectors_erased,
            s.sectors_written,
            s.seconds,
            if s.resumed { ", resumed" } else { "" },
            if s.verified { ", verified" } else { "" }
        ),
    }
}

pub fn progress_for(conn: &ConnectArgs) -> Box<dyn progress::Progress> {
    match conn.format {
        Format::Json => Box::new(progress::Json::default()),
        Format::Text => progress::auto(),
    }
}

/// Invalid tables and options exit with status 2, as ESP-IDF's generator does.
fn partition_table(conn: &ConnectArgs, command: PartitionTableCommand) -> Result<()> {
    use crate::partition::cli as pt;
    let r = match command {
        PartitionTableCommand::Convert(args) => pt::run_convert(&args),
        PartitionTableCommand::Show(args) if args.file.is_some() => pt::run_show(&args),
        PartitionTableCommand::Show(args) => return crate::partition_ops::show(conn, &args),
    };
    if let Err(e) = r {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
    Ok(())
}

fn serve_virtual_chip(args: &VirtualChipArgs) -> Result<()> {
    if args.chip != Chip::Esp32c3 {
        bail!(
            "the virtual chip models the ESP32-C3 only, not {}",
            args.chip
        );
    }
    let flash = NorFlash::open(&args.flash, args.flash_size)
        .with_context(|| format!("flash image {}", args.flash.display()))?;
    let chip = VirtualChip::new(ChipConfig {
        flash,
        efuses: Efuses::for_image(&args.flash),
        realtime: args.realtime,
        faults: args.fault.clone(),
        seed: args.seed,
    });
    let listen = if args.pty {
        virtual_chip::server::Listen::Pty
    } else {
        virtual_chip::server::Listen::Tcp(
            args.listen.clone().unwrap_or_else(|| "127.0.0.1:0".into()),
        )
    };
    let line = virtual_chip::server::LineOptions {
        realtime: args.realtime,
        time_scale: args.time_scale,
        drop_after: virtual_chip::server::line_drop(&args.fault),
    };
    virtual_chip::server::serve(chip, listen, line)?;
    Ok(())
}
