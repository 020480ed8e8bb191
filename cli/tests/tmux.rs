//! The guided session in a real terminal (tmux): only with FIRSTSTEP_TMUX=1, because it needs
//! tmux installed and takes about a minute. See cli/tests/tmux_session.sh and docs/cli.md.

use std::process::Command;

#[test]
fn guided_session_in_tmux() {
    if std::env::var("FIRSTSTEP_TMUX").as_deref() != Ok("1") {
        eprintln!("skipped: set FIRSTSTEP_TMUX=1 to run the tmux check");
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tmux_session.sh");
    let status = Command::new("bash")
        .arg(script)
        .env("FIRSTSTEP_BIN", env!("CARGO_BIN_EXE_firststep"))
        .status()
        .expect("bash runs");
    assert!(status.success(), "tmux_session.sh failed");
}
