//! Benchmark of one figure frame (issue 21): the pose of an exercise at one instant as drawing
//! primitives, the call a shell makes once per displayed frame. Budget: a 60 fps frame is 16.7 ms;
//! the figure should take a small fraction of it.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

use firststep_core::figures::{figure_frame, svg, FigurePhase};
use firststep_core::model::Side;

fn bench(c: &mut Criterion) {
    // Warm the cameras (computed once per process).
    figure_frame("calf_loading", 2, Side::Left, FigurePhase::Up, 0.5).unwrap();
    let mut p = 0.0f64;
    c.bench_function("figure_frame calf_loading L2 up (side view, arrow)", |b| {
        b.iter(|| {
            p = (p + 0.013) % 1.0;
            black_box(figure_frame("calf_loading", 2, Side::Left, FigurePhase::Up, black_box(p)).unwrap())
        })
    });
    c.bench_function("figure_frame knee_to_wall_cm hold (IK leg, label)", |b| {
        b.iter(|| black_box(figure_frame("knee_to_wall_cm", 0, Side::Right, FigurePhase::Hold, 0.0).unwrap()))
    });
    let frame = figure_frame("single_leg_squat", 1, Side::Right, FigurePhase::Down, 0.4).unwrap();
    c.bench_function("figure_svg single_leg_squat", |b| b.iter(|| black_box(svg::to_svg(black_box(&frame), 480))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
