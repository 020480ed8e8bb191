//! The little linear algebra the figure needs: 3-vectors and rotation matrices (degrees).

use std::ops::{Add, Mul, Sub};

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct V3 {
    pub x: f64,
    pub y: f64,
    pub z: f64,
}

pub const fn v3(x: f64, y: f64, z: f64) -> V3 {
    V3 { x, y, z }
}

impl V3 {
    pub fn len(self) -> f64 {
        self.dot(self).sqrt()
    }
    pub fn dot(self, o: V3) -> f64 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }
    pub fn cross(self, o: V3) -> V3 {
        v3(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)
    }
    pub fn scale(self, k: f64) -> V3 {
        v3(self.x * k, self.y * k, self.z * k)
    }
    pub fn unit(self) -> V3 {
        let l = self.len();
        if l > 1e-12 { self.scale(1.0 / l) } else { self }
    }
}

impl Add for V3 {
    type Output = V3;
    fn add(self, o: V3) -> V3 {
        v3(self.x + o.x, self.y + o.y, self.z + o.z)
    }
}

impl Sub for V3 {
    type Output = V3;
    fn sub(self, o: V3) -> V3 {
        v3(self.x - o.x, self.y - o.y, self.z - o.z)
    }
}

/// A rotation matrix, row-major.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct M3(pub [[f64; 3]; 3]);

pub const IDENTITY: M3 = M3([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]);

impl M3 {
    /// About the lateral axis x: positive tilts up (y) toward forward (z).
    pub fn rx(deg: f64) -> M3 {
        let (s, c) = deg.to_radians().sin_cos();
        M3([[1.0, 0.0, 0.0], [0.0, c, -s], [0.0, s, c]])
    }
    /// About the vertical axis y.
    pub fn ry(deg: f64) -> M3 {
        let (s, c) = deg.to_radians().sin_cos();
        M3([[c, 0.0, s], [0.0, 1.0, 0.0], [-s, 0.0, c]])
    }
    /// About the forward axis z: positive tilts down (−y) toward +x.
    pub fn rz(deg: f64) -> M3 {
        let (s, c) = deg.to_radians().sin_cos();
        M3([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])
    }
    /// About an arbitrary unit axis (Rodrigues).
    pub fn about(axis: V3, deg: f64) -> M3 {
        let a = axis.unit();
        let (s, c) = deg.to_radians().sin_cos();
        let t = 1.0 - c;
        M3([
            [t * a.x * a.x + c, t * a.x * a.y - s * a.z, t * a.x * a.z + s * a.y],
            [t * a.x * a.y + s * a.z, t * a.y * a.y + c, t * a.y * a.z - s * a.x],
            [t * a.x * a.z - s * a.y, t * a.y * a.z + s * a.x, t * a.z * a.z + c],
        ])
    }
    pub fn apply(&self, v: V3) -> V3 {
        let m = &self.0;
        v3(
            m[0][0] * v.x + m[0][1] * v.y + m[0][2] * v.z,
            m[1][0] * v.x + m[1][1] * v.y + m[1][2] * v.z,
            m[2][0] * v.x + m[2][1] * v.y + m[2][2] * v.z,
        )
    }
}

impl Mul for M3 {
    type Output = M3;
    fn mul(self, o: M3) -> M3 {
        let mut r = [[0.0; 3]; 3];
        for (i, row) in r.iter_mut().enumerate() {
            for (j, cell) in row.iter_mut().enumerate() {
                *cell = (0..3).map(|k| self.0[i][k] * o.0[k][j]).sum();
            }
        }
        M3(r)
    }
}

/// Ease in and out (a half cosine): starts and ends at rest, so a phase never starts with a jerk.
pub fn ease(t: f64) -> f64 {
    0.5 - 0.5 * (std::f64::consts::PI * t.clamp(0.0, 1.0)).cos()
}

pub fn lerp(a: f64, b: f64, t: f64) -> f64 {
    a + (b - a) * t
}

/// Angle in degrees between two vectors.
pub fn angle_between(a: V3, b: V3) -> f64 {
    let c = (a.dot(b) / (a.len() * b.len()).max(1e-12)).clamp(-1.0, 1.0);
    c.acos().to_degrees()
}
