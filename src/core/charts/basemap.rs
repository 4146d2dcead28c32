//! The map's basemap: country borders and coasts from Natural Earth (1:50m, public domain),
//! shipped with the app as `assets/borders.bin` (made by `examples/basemap.rs`) and never
//! fetched at run time. Points are projected once, on Web Mercator in degrees
//! ([`project`]), so that the window and the exports draw the same map.

use std::sync::OnceLock;

const BORDERS: &[u8] = include_bytes!("../../../assets/borders.bin");

/// What every map says of its borders.
pub const BORDERS_CREDIT: &str = "Borders: Natural Earth 1:50m (public domain), drawn de facto: \
     they imply no position on any claim to territory.";

/// The latitude past which Mercator is cut off.
const MAX_LATITUDE: f64 = 85.0;

/// A longitude and latitude (degrees) on the map's plane: longitude as is, latitude on Web
/// Mercator scaled to degrees, so that a degree of longitude is as long on both axes.
pub fn project(lon: f64, lat: f64) -> [f64; 2] {
    let phi = lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians();
    let y = (std::f64::consts::FRAC_PI_4 + phi / 2.0)
        .tan()
        .ln()
        .to_degrees();
    [lon, y]
}

/// The latitude of a projected `y`: the inverse of [`project`].
pub fn latitude(y: f64) -> f64 {
    (2.0 * y.to_radians().exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees()
}

/// A stretch of border or coast.
#[derive(Clone, Debug)]
pub struct Arc {
    /// A coast (the arc of one country only), not a border between two.
    pub coast: bool,
    /// Projected points.
    pub points: Vec<[f64; 2]>,
    pub min: [f64; 2],
    pub max: [f64; 2],
}

impl Arc {
    /// Whether any of it may lie inside a projected box.
    pub fn meets(&self, min: [f64; 2], max: [f64; 2]) -> bool {
        self.min[0] <= max[0]
            && self.max[0] >= min[0]
            && self.min[1] <= max[1]
            && self.max[1] >= min[1]
    }
}

/// The borders at two levels of detail: every point, and points about a third of a degree apart
/// for a view of a continent or the world.
#[derive(Debug, Default)]
pub struct Basemap {
    pub fine: Vec<Arc>,
    pub coarse: Vec<Arc>,
}

/// The coarse arcs are used for views wider than this many degrees of longitude.
pub const COARSE_FROM_DEGREES: f64 = 30.0;

impl Basemap {
    /// The arcs to draw for a view `width` degrees wide that meet the box.
    pub fn arcs_in(&self, min: [f64; 2], max: [f64; 2]) -> impl Iterator<Item = &Arc> {
        let arcs = if max[0] - min[0] > COARSE_FROM_DEGREES {
            &self.coarse
        } else {
            &self.fine
        };
        arcs.iter().filter(move |a| a.meets(min, max))
    }
}

/// The countries the gazetteer places, by name, where their labels go (projected).
pub fn country_labels() -> &'static [(String, [f64; 2])] {
    static LABELS: OnceLock<Vec<(String, [f64; 2])>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let gazetteer = crate::core::analysis::places::Gazetteer::builtin();
        (0..gazetteer.len())
            .filter_map(|i| gazetteer.place(i))
            .filter(|p| p.kind == "country")
            .filter_map(|p| {
                let (lat, lon) = p.coords?;
                Some((p.name.to_uppercase(), project(lon, lat)))
            })
            .collect()
    })
}

/// The shipped basemap, read once.
pub fn basemap() -> &'static Basemap {
    static BASEMAP: OnceLock<Basemap> = OnceLock::new();
    BASEMAP.get_or_init(|| {
        let fine = decode(BORDERS).unwrap_or_default();
        let coarse = fine.iter().map(|a| simplified(a, 0.35)).collect();
        Basemap { fine, coarse }
    })
}

/// Reads the arcs of a borders file; `None` when it is not one.
pub fn decode(bytes: &[u8]) -> Option<Vec<Arc>> {
    let mut r = Reader {
        bytes: bytes.strip_prefix(b"TRBORDERS1")?,
    };
    let count = usize::try_from(r.varint()?).ok()?;
    let mut arcs = Vec::with_capacity(count.min(100_000));
    for _ in 0..count {
        let coast = *r.bytes.first()? == 1;
        r.bytes = &r.bytes[1..];
        let n = usize::try_from(r.varint()?).ok()?;
        let (mut x, mut y) = (0_i64, 0_i64);
        let mut points: Vec<[f64; 2]> = Vec::with_capacity(n.min(1_000_000));
        for _ in 0..n {
            x += unzigzag(r.varint()?);
            y += unzigzag(r.varint()?);
            let p = project(x as f64 / 100.0, y as f64 / 100.0);
            // An arc that crosses the 180th meridian is cut there, not drawn round the world.
            if points.last().is_some_and(|q| (p[0] - q[0]).abs() > 180.0) {
                arcs.push(with_bounds(coast, std::mem::take(&mut points)));
            }
            points.push(p);
        }
        arcs.push(with_bounds(coast, points));
    }
    Some(arcs)
}

fn with_bounds(coast: bool, points: Vec<[f64; 2]>) -> Arc {
    let mut min = [f64::INFINITY; 2];
    let mut max = [f64::NEG_INFINITY; 2];
    for p in &points {
        for i in 0..2 {
            min[i] = min[i].min(p[i]);
            max[i] = max[i].max(p[i]);
        }
    }
    Arc {
        coast,
        points,
        min,
        max,
    }
}

/// The arc with points at least `step` apart (its ends always kept).
fn simplified(arc: &Arc, step: f64) -> Arc {
    let mut points: Vec<[f64; 2]> = Vec::new();
    for (i, p) in arc.points.iter().enumerate() {
        let last = i + 1 == arc.points.len();
        let far = points
            .last()
            .is_none_or(|q| (p[0] - q[0]).abs().max((p[1] - q[1]).abs()) >= step);
        if far || last {
            points.push(*p);
        }
    }
    with_bounds(arc.coast, points)
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn varint(&mut self) -> Option<u64> {
        let mut value = 0_u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(value);
            }
        }
        None
    }
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_borders_are_read_and_lie_where_syria_is() {
        let map = basemap();
        assert!(map.fine.len() > 1_000, "{} arcs", map.fine.len());
        assert_eq!(map.fine.len(), map.coarse.len());
        let points: usize = map.fine.iter().map(|a| a.points.len()).sum();
        let coarse: usize = map.coarse.iter().map(|a| a.points.len()).sum();
        assert!(coarse * 2 < points, "{coarse} coarse of {points} points");
        // Around Kobane, on the Syrian-Turkish border, borders are drawn; there are coasts too.
        let [x, y] = project(38.35, 36.89);
        let near = map.arcs_in([x - 0.5, y - 0.5], [x + 0.5, y + 0.5]).count();
        assert!(near > 0);
        assert!(map.fine.iter().any(|a| a.coast) && map.fine.iter().any(|a| !a.coast));
        // No stretch runs across the world (Russia and Fiji cross the 180th meridian).
        for a in &map.fine {
            assert!(
                a.points
                    .windows(2)
                    .all(|w| (w[0][0] - w[1][0]).abs() < 180.0)
            );
        }
    }

    #[test]
    fn projection_and_its_inverse_agree() {
        for lat in [-60.0, -10.0, 0.0, 36.89, 70.0] {
            let [_, y] = project(10.0, lat);
            assert!((latitude(y) - lat).abs() < 1e-9, "{lat}");
        }
        let [x, y] = project(38.0, 0.0);
        assert!(x == 38.0 && y.abs() < 1e-9);
        // North of the equator a degree of latitude grows longer.
        assert!(project(0.0, 60.0)[1] > 70.0);
    }

    #[test]
    fn a_file_that_is_not_borders_is_refused() {
        assert!(decode(b"not borders").is_none());
        assert!(decode(b"TRBORDERS1\x05\x01").is_none());
    }
}
