//! `virtual-chip`: serves a virtual chip over TCP or a pty for other programs.

use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::Args;
use espflow::chip::Chip;
use espflow::numbers::parse_u32;
use espflow::port::PortError;
use espflow::virtual_chip::{self, ChipConfig, Efuses, NorFlash, VirtualChip};

fn num(s: &str) -> Result<u32, String> {
    parse_u32(s)
}

/// `virtual-chip` options.
#[derive(Args, Debug)]
pub struct VirtualChipArgs {
    /// The chip to model: any but esp32p4; espflow's stub runs on it where espflow has one
    #[arg(long, value_enum, default_value = "esp32c3")]
    pub chip: Chip,
    /// Flash image file, written through on every change (created erased if absent)
    #[arg(long)]
    pub flash: PathBuf,
    /// Flash size for a new image (2MB, 4MB, 8MB or 16MB; by default the chip's usual size)
    #[arg(long, value_parser = num)]
    pub flash_size: Option<u32>,
    /// Address to listen on for socket:// clients
    #[arg(long, conflicts_with = "pty")]
    pub listen: Option<String>,
    /// Serve on a new pseudo-terminal instead of TCP
    #[arg(long)]
    pub pty: bool,
    /// Pace the UART at the baud rate and apply datasheet flash timings
    #[arg(long)]
    pub realtime: bool,
    /// A client leaving does not reset the chip: whatever runs (espflow's stub, busy or
    /// not) is what the next client finds, as behind a serial bridge without reset lines
    #[arg(long)]
    pub stay_on: bool,
    /// With --realtime, run the chip's clock this many times faster than the wall clock
    #[arg(long, default_value_t = 1.0, requires = "realtime")]
    pub time_scale: f64,
    /// Inject a fault: power-cut:after-ops=N, power-cut:erase=N, power-cut:program=N,
    /// power-cut:at-ms=T or line-drop:after-bytes=N (each strikes once), or
    /// worn-cell:addr=A (the flash byte at A no longer programs)
    #[arg(long, value_parser = virtual_chip::fault::Fault::parse)]
    pub fault: Vec<virtual_chip::fault::Fault>,
    /// The chip's eFuses as an image file (espefuse's virtual eFuse file layout), read if
    /// it exists and created otherwise; what the chip burns stays in it
    #[arg(long, value_name = "FILE")]
    pub efuse: Option<PathBuf>,
    /// Turn flash encryption on: burn this 32-byte XTS-AES-128 key into a read-protected
    /// key block and make the crypt counter odd
    #[arg(long, value_name = "KEY.bin")]
    pub flash_encryption: Option<PathBuf>,
    /// Turn secure boot v2 on: burn this 32-byte public-key digest into a digest slot
    #[arg(long, value_name = "DIGEST")]
    pub secure_boot: Option<PathBuf>,
    /// Burn ENABLE_SECURITY_DOWNLOAD: the ROM loader allows only the Secure Download Mode
    /// commands
    #[arg(long)]
    pub secure_download_mode: bool,
    /// The serial bridge's highest rate: a switch above it leaves the line garbage at that
    /// rate, as a bridge that cannot make the rate does
    #[arg(long, value_name = "BAUD", value_parser = super::args::baud)]
    pub bridge_max_baud: Option<u32>,
    /// The bridge's byte errors: probability P per byte at BAUD (such as 1e-4@3000000),
    /// rising linearly from none at --bridge-knee
    #[arg(long, value_name = "P@BAUD")]
    pub bridge_errors: Option<String>,
    /// The rate up to which the bridge damages no byte
    #[arg(long, value_name = "BAUD", default_value_t = virtual_chip::bridge::DEFAULT_KNEE,
          value_parser = super::args::baud, requires = "bridge_errors")]
    pub bridge_knee: u32,
    /// Seed for what an injected fault leaves behind and for the bridge's errors
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    #[command(flatten)]
    pub no_connection: super::offline::NoConnection,
    #[command(flatten)]
    pub no_port_filter: super::offline::NoPortFilter,
}

pub fn serve(args: &VirtualChipArgs) -> Result<()> {
    let Some(profile) = virtual_chip::profile::profile(args.chip) else {
        bail!(
            "the virtual chip models the {}, not the {}",
            virtual_chip::modelled_names(),
            args.chip
        );
    };
    // The same error as a `virtual:` port's, so both say the file and the reason alike.
    let flash =
        NorFlash::open_or_new(&args.flash, args.flash_size, profile.flash_size).map_err(|e| {
            espflow::Error::Port(PortError::Virtual {
                path: args.flash.display().to_string(),
                reason: e.to_string(),
            })
        })?;
    let setup = virtual_chip::efuse::EfuseSetup {
        file: args.efuse.clone(),
        flash_encryption_key: args.flash_encryption.clone(),
        secure_boot_digest: args.secure_boot.clone(),
        secure_download: args.secure_download_mode,
    };
    let errors = args
        .bridge_errors
        .as_deref()
        .map(|e| virtual_chip::bridge::ErrorCurve::parse(e, args.bridge_knee))
        .transpose()
        .map_err(espflow::Error::BadInput)?;
    let bridge = virtual_chip::bridge::BridgeSpec {
        max_baud: args.bridge_max_baud,
        errors,
    };
    let chip = VirtualChip::new(ChipConfig {
        chip: args.chip,
        flash,
        efuses: setup
            .apply(
                Efuses::for_image(&args.flash).for_chip(args.chip),
                args.chip,
            )
            .map_err(espflow::Error::BadInput)?,
        realtime: args.realtime,
        faults: args.fault.clone(),
        seed: args.seed,
        bridge,
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
        stay_on: args.stay_on,
    };
    virtual_chip::server::serve(chip, listen, line)?;
    Ok(())
}
