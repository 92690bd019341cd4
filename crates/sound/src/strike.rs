//! How hard a pad was struck, from what the device tells about a touch: a real pressure where
//! it reports one, else the contact area where it varies, else the place on the pad (struck in
//! the middle it sounds full, towards the edge softer — as on a drum skin or a tone bar).

/// What one touch reported.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Strike {
    /// `PointerEvent.pressure`: browsers give exactly 0.5 for a touch without pressure sensing
    /// (and 0 for none), so those mean "unknown".
    pub pressure: f32,
    /// Contact area (`width × height`, CSS px²); 0 or 1 when the device does not report it.
    pub area: f32,
    /// Distance from the pad's centre, 0 (middle) to 1 (edge).
    pub from_centre: f32,
}

/// The contact areas seen so far in this session: an area says something only on devices
/// whose touches really differ in size (many report one fixed size for every finger).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AreaRange {
    min: f32,
    max: f32,
}

impl AreaRange {
    /// Notes a touch's area (ignoring "not reported").
    pub fn see(&mut self, area: f32) {
        if area.is_finite() && area > 1.0 {
            if self.max == 0.0 {
                (self.min, self.max) = (area, area);
            } else {
                self.min = self.min.min(area);
                self.max = self.max.max(area);
            }
        }
    }

    /// Whether the areas seen vary enough (the largest at least 1.5× the smallest) to mean
    /// something.
    pub fn varies(&self) -> bool {
        self.min > 0.0 && self.max >= 1.5 * self.min
    }
}

/// Loudness 0.4–1 for a strike, given the areas seen so far (call [`AreaRange::see`] first).
pub fn strike_velocity(s: Strike, areas: &AreaRange) -> f32 {
    let real_pressure = s.pressure > 0.0 && (s.pressure - 0.5).abs() > 1e-3;
    if real_pressure {
        return (0.3 + 0.7 * s.pressure).clamp(0.4, 1.0);
    }
    if areas.varies() && s.area > 1.0 {
        let t = (s.area - areas.min) / (areas.max - areas.min);
        return 0.4 + 0.6 * t.clamp(0.0, 1.0);
    }
    1.0 - 0.6 * s.from_centre.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strike(pressure: f32, area: f32, from_centre: f32) -> Strike {
        Strike {
            pressure,
            area,
            from_centre,
        }
    }

    #[test]
    fn a_real_pressure_decides_and_the_unknown_half_is_ignored() {
        let none = AreaRange::default();
        assert_eq!(strike_velocity(strike(1.0, 0.0, 1.0), &none), 1.0);
        assert!((strike_velocity(strike(0.2, 0.0, 0.0), &none) - 0.44).abs() < 1e-6);
        // 0.5 is what a touch without pressure sensing reports: the place decides.
        assert_eq!(strike_velocity(strike(0.5, 0.0, 0.0), &none), 1.0);
        assert!((strike_velocity(strike(0.5, 0.0, 1.0), &none) - 0.4).abs() < 1e-6);
    }

    #[test]
    fn the_contact_area_counts_only_where_it_varies() {
        let mut fixed = AreaRange::default();
        for _ in 0..5 {
            fixed.see(400.0);
        }
        assert!(
            !fixed.varies(),
            "one fixed size for every finger says nothing"
        );
        assert_eq!(strike_velocity(strike(0.5, 400.0, 0.5), &fixed), 0.7);

        let mut real = AreaRange::default();
        for a in [100.0, 250.0, 400.0] {
            real.see(a);
        }
        assert!(real.varies());
        assert!((strike_velocity(strike(0.5, 400.0, 1.0), &real) - 1.0).abs() < 1e-6);
        assert!((strike_velocity(strike(0.5, 100.0, 0.0), &real) - 0.4).abs() < 1e-6);
        assert!((strike_velocity(strike(0.5, 250.0, 0.0), &real) - 0.7).abs() < 1e-6);
        real.see(1.0); // "not reported" does not widen the range
        assert!((strike_velocity(strike(0.5, 100.0, 0.0), &real) - 0.4).abs() < 1e-6);
    }
}
