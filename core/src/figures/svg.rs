//! The figure as a small self-contained SVG document (the CLI's `exercises show --svg`, the
//! clinician summary). Roles map to a fixed light palette; shells use their own theme colours.

use std::fmt::Write;

use super::primitives::{FigurePoint, FigureRole, FigureShape};
use super::FigureFrame;

/// design choice: the light palette (FIGURES.md style: the working limb in the accent colour, the
/// other limb lighter, props neutral grey, the ground one darker line).
pub fn colour(role: FigureRole) -> &'static str {
    match role {
        FigureRole::WorkingLimb => "#d9480f",
        FigureRole::OtherLimb => "#f2b391",
        FigureRole::Body => "#455a64",
        FigureRole::Prop => "#9e9e9e",
        FigureRole::Ground => "#616161",
        FigureRole::Load => "#8d6e63",
        FigureRole::MotionArrow => "#1971c2",
    }
}

/// The SVG writes view-box units × 100 with two decimals.
const UNITS: f64 = 100.0;

fn num(v: f64) -> String {
    let s = format!("{:.2}", v * UNITS);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

fn points(p: &[FigurePoint]) -> String {
    p.iter().map(|q| format!("{},{}", num(q.x), num(q.y))).collect::<Vec<_>>().join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `frame` as an SVG document of `size_px` pixels square, on a white background.
pub fn to_svg(frame: &FigureFrame, size_px: u32) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{size_px}" height="{size_px}" viewBox="0 0 100 100" stroke-linecap="round" stroke-linejoin="round">"#
    );
    let _ = writeln!(out, "<title>{} level {} · {:?} {:.2}</title>", escape(&frame.figure_id), frame.level, frame.phase, frame.progress);
    let _ = writeln!(out, r##"<rect width="100" height="100" fill="#ffffff"/>"##);
    for p in &frame.primitives {
        let c = colour(p.role);
        let _ = match &p.shape {
            FigureShape::Stroke { points: pts, width } => {
                writeln!(out, r#"<polyline points="{}" fill="none" stroke="{c}" stroke-width="{}"/>"#, points(pts), num(*width))
            }
            FigureShape::Polygon { points: pts, outline } => {
                if *outline > 0.0 {
                    writeln!(out, r#"<polygon points="{}" fill="{c}" stroke="{c}" stroke-width="{}"/>"#, points(pts), num(*outline))
                } else {
                    writeln!(out, r#"<polygon points="{}" fill="{c}"/>"#, points(pts))
                }
            }
            FigureShape::Circle { center, radius } => {
                writeln!(out, r#"<circle cx="{}" cy="{}" r="{}" fill="{c}"/>"#, num(center.x), num(center.y), num(*radius))
            }
            FigureShape::Label { at, text, size } => writeln!(
                out,
                r#"<text x="{}" y="{}" font-size="{}" font-family="sans-serif" text-anchor="middle" fill="{c}">{}</text>"#,
                num(at.x),
                num(at.y),
                num(*size),
                escape(text)
            ),
        };
    }
    out.push_str("</svg>\n");
    out
}
