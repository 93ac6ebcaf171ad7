//! The customer resource's fields: one table that both validation and merge read.
//!
//! Adding a field to the API means adding one row here.

/// The customer statuses the API accepts.
pub const STATUSES: &[&str] = &["pending", "active", "deactivated"];

/// The German transmission system operators (TSOs), as this library names them.
pub const TSOS: &[&str] = &["DE_50HERTZ", "DE_AMPRION", "DE_TENNET", "DE_TRANSNETBW"];

/// Whether a PATCH body may contain a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Sent in a PATCH body to change the field.
    Writable,
    /// Set by the server only; a PATCH body containing it is rejected with `read_only_field`.
    ReadOnly,
}

/// What a field holds, which decides how it is validated and merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A string from a fixed set; a patch replaces it.
    Enum(&'static [&'static str]),
    /// An Energy Identification Code; a patch replaces it.
    Eic,
    /// An object whose members are all required; a patch replaces it whole.
    Group(&'static Schema),
    /// Free-form string values merged key by key, where `null` removes a key (RFC 7396 on one
    /// level).
    Metadata,
    /// A value the server manages, such as an id or a timestamp; never in a patch.
    ServerManaged,
}

/// One field of the customer resource or of an object inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The JSON member name.
    pub name: &'static str,
    /// Whether a PATCH body may contain it.
    pub access: Access,
    /// The kind of value, which decides how it is validated and merged.
    pub kind: FieldKind,
}

const fn writable(name: &'static str, kind: FieldKind) -> Field {
    Field { name, access: Access::Writable, kind }
}

const fn read_only(name: &'static str) -> Field {
    Field { name, access: Access::ReadOnly, kind: FieldKind::ServerManaged }
}

/// The fields of one object of the resource.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schema {
    /// Every field, writable or not.
    pub fields: &'static [Field],
    /// The names of the writable fields, for messages that list them. A test checks that this
    /// list matches `fields`.
    pub writable_names: &'static [&'static str],
}

impl Schema {
    /// Returns the field called `name`.
    pub fn find(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|field| field.name == name)
    }
}

/// The members of `balance_group`.
pub const BALANCE_GROUP: Schema = Schema {
    fields: &[writable("eic", FieldKind::Eic), writable("tso", FieldKind::Enum(TSOS))],
    writable_names: &["eic", "tso"],
};

/// The fields of a customer.
pub const CUSTOMER: Schema = Schema {
    fields: &[
        read_only("id"),
        read_only("name"),
        writable("status", FieldKind::Enum(STATUSES)),
        writable("balance_group", FieldKind::Group(&BALANCE_GROUP)),
        writable("metadata", FieldKind::Metadata),
        read_only("assigned_at"),
        read_only("activated_at"),
        read_only("created_at"),
    ],
    writable_names: &["status", "balance_group", "metadata"],
};

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of_writable(fields: &[Field]) -> Vec<&'static str> {
        fields.iter().filter(|field| field.access == Access::Writable).map(|field| field.name).collect()
    }

    #[test]
    fn name_lists_match_tables() {
        assert_eq!(names_of_writable(CUSTOMER.fields), CUSTOMER.writable_names);
        assert_eq!(names_of_writable(BALANCE_GROUP.fields), BALANCE_GROUP.writable_names);
    }

    #[test]
    fn read_only_fields_are_the_server_managed_ones() {
        let read_only: Vec<_> = CUSTOMER.fields.iter().filter(|field| field.access == Access::ReadOnly).map(|field| field.name).collect();
        assert_eq!(read_only, ["id", "name", "assigned_at", "activated_at", "created_at"]);
    }
}
