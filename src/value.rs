//! The read-only view of an input value that the rules walk.
//!
//! The rules never convert a whole input into one Rust type first. They look at it through
//! [`Input`], which the crate implements for parsed JSON ([`crate::Json`]) and the WebAssembly
//! bindings implement for JavaScript values. Each representation thus reports exactly what a
//! value is (`undefined`, a `Map`, a lone surrogate) without a lossy conversion.

use crate::Text;

/// The kind of an input value, as far as the rules need to tell kinds apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// JavaScript `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// Any number, including `NaN` and the infinities.
    Number,
    /// A JavaScript `BigInt`.
    BigInt,
    /// A string.
    String,
    /// A JavaScript `Symbol`.
    Symbol,
    /// A function or class.
    Function,
    /// An array.
    Array,
    /// A plain object: its prototype is `Object.prototype` or `null`.
    Object,
    /// A `Map`.
    Map,
    /// A `Set`.
    Set,
    /// A `Date`.
    Date,
    /// Any other object, such as a class instance, a typed array or a `RegExp`.
    OtherObject,
    /// A value that could not be read, for example because a property getter threw.
    Unreadable,
}

impl Kind {
    /// Returns the name used for this kind in issue parameters, such as `"array"`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Undefined => "undefined",
            Kind::Null => "null",
            Kind::Boolean => "boolean",
            Kind::Number => "number",
            Kind::BigInt => "bigint",
            Kind::String => "string",
            Kind::Symbol => "symbol",
            Kind::Function => "function",
            Kind::Array => "array",
            Kind::Object => "object",
            Kind::Map => "map",
            Kind::Set => "set",
            Kind::Date => "date",
            Kind::OtherObject => "non-plain object",
            Kind::Unreadable => "unreadable value",
        }
    }
}

/// A read-only view of a JSON-like value.
///
/// Implementations must not change the value they view.
pub trait Input: Sized {
    /// A key of an object, kept in the representation's own form so that a merge can write
    /// it back unchanged.
    type Key;

    /// Whether an object may contain the same key twice, as JSON text can. The rules then
    /// report each repeat as `duplicate_key`.
    const MAY_REPEAT_KEYS: bool = false;

    /// Returns the kind of the value.
    fn kind(&self) -> Kind;

    /// Returns the value's text when it is a string, and `None` otherwise.
    fn text(&self) -> Option<Text<'_>>;

    /// Returns the own enumerable string-keyed entries of a plain object, in order.
    ///
    /// Returns `None` when the value is not a plain object or its entries cannot be read.
    fn entries(&self) -> Option<Vec<(Self::Key, Self)>>;

    /// Returns the entries as [`Input::entries`] does, for a caller that reads no string
    /// value's text and only keeps the values. A representation may then fetch a string's text
    /// when [`Input::text`] is called instead of with the entries. The default calls
    /// [`Input::entries`].
    fn entries_to_keep(&self) -> Option<Vec<(Self::Key, Self)>> {
        self.entries()
    }

    /// Returns the text of a key.
    fn key_text(key: &Self::Key) -> Text<'_>;

    /// Returns whether two values are equal as JSON: same kind, equal strings and numbers,
    /// arrays equal item by item, and objects with the same keys and equal values in any order.
    fn deep_equals(&self, other: &Self) -> bool;
}

/// Builds output values of one representation, for [`crate::apply_patch`] and
/// [`crate::create_patch`].
///
/// Values that the merge leaves unchanged are passed to [`Build::keep`], so a representation
/// decides whether to share them with the input or copy them.
pub trait Build<V: Input> {
    /// An output value.
    type Value;
    /// An object under construction.
    type Object;

    /// Starts an empty plain object.
    fn object(&mut self) -> Self::Object;

    /// Adds an entry as an own data property, even when the key is `__proto__`.
    fn insert(&mut self, object: &mut Self::Object, key: &V::Key, value: Self::Value);

    /// Finishes an object.
    fn finish(&mut self, object: Self::Object) -> Self::Value;

    /// Returns an input value unchanged, as an output value.
    fn keep(&mut self, value: &V) -> Self::Value;

    /// Returns `null`, which removes a metadata key in a patch.
    fn null(&mut self) -> Self::Value;
}
