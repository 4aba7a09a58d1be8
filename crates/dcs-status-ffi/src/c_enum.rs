//! The declarative link between each C enum and the core enum it stands for.

/// Declares, next to a C enum (written out for cbindgen, with its fixed values), what
/// it is to the core, once: the variant each core variant becomes. From that one list:
///
/// - `from_core` (the C value of a core value; `const`, for the static table) and
///   `to_core`, both exhaustive matches, so a variant added on either side without
///   its pair fails to compile;
/// - `ALL`, every C value in declaration order;
/// - `from_value`, the C value of a raw `u32` from C (any `u32` is safe);
/// - `name`, the core's canonical name of a raw value as a static C string, or NULL
///   (what the `*_name` exports return).
///
/// The result enum adds its success value, which no core error stands for:
/// `c_enum!(dcs_status_result (success Ok) from ErrorKind { ... })`; its `to_core`
/// gives `None` for it.
macro_rules! c_enum {
    ($c:ident from $core:ident { $($c_variant:ident => $core_variant:ident),+ $(,)? }) => {
        impl $c {
            /// Every value, in declaration order.
            #[allow(dead_code)]
            pub(crate) const ALL: [$c; [$($c::$c_variant),+].len()] = [$($c::$c_variant),+];

            /// The C value of a core value.
            pub(crate) const fn from_core(value: $core) -> Self {
                match value {
                    $($core::$core_variant => $c::$c_variant),+
                }
            }

            /// The core value of a C value.
            pub(crate) const fn to_core(self) -> $core {
                match self {
                    $($c::$c_variant => $core::$core_variant),+
                }
            }

            /// The C value whose number is `value`, if there is one.
            pub(crate) fn from_value(value: u32) -> Option<Self> {
                Self::ALL.into_iter().find(|v| *v as u32 == value)
            }

            /// The canonical name of the value numbered `value`, or NULL.
            pub(crate) fn name(value: u32) -> *const ::core::ffi::c_char {
                Self::from_value(value).map_or(::core::ptr::null(), |v| v.to_core().as_cstr().as_ptr())
            }
        }

        impl From<$core> for $c {
            fn from(value: $core) -> Self {
                Self::from_core(value)
            }
        }
    };
    ($c:ident (success $ok:ident) from $core:ident { $($c_variant:ident => $core_variant:ident),+ $(,)? }) => {
        impl $c {
            /// Every value, in declaration order.
            pub(crate) const ALL: [$c; [$c::$ok, $($c::$c_variant),+].len()] = [$c::$ok, $($c::$c_variant),+];

            /// The C value of a core value.
            pub(crate) const fn from_core(value: $core) -> Self {
                match value {
                    $($core::$core_variant => $c::$c_variant),+
                }
            }

            /// The core value of a C value: `None` for success.
            pub(crate) const fn to_core(self) -> Option<$core> {
                match self {
                    $c::$ok => None,
                    $($c::$c_variant => Some($core::$core_variant)),+
                }
            }

            /// The C value whose number is `value`, if there is one.
            pub(crate) fn from_value(value: u32) -> Option<Self> {
                Self::ALL.into_iter().find(|v| *v as u32 == value)
            }
        }

        impl From<$core> for $c {
            fn from(value: $core) -> Self {
                Self::from_core(value)
            }
        }
    };
}
