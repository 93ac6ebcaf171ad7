//! Finding names among many object keys: the names sorted once, then searched by bisection.
//!
//! A hash map would do the same in expected linear time, but Rust's `RandomState` seeds its
//! hash from the system's randomness, which `wasm32-unknown-unknown` lacks, so there the seed is
//! fixed and public. A body with keys crafted to collide would then turn each lookup into a
//! scan. Heapsort costs O(n log n) comparisons whatever the keys are, and it is a few hundred
//! bytes of WebAssembly where a hash map per key type, or the standard library's sort, is
//! several kilobytes.

use std::cmp::Ordering;

use crate::Text;

/// The names of an object's keys in order, with an index sorted by name.
pub(crate) struct KeyIndex<'k> {
    names: Vec<Text<'k>>,
    /// Positions in `names`, sorted by name and, for equal names, by position.
    sorted: Vec<usize>,
}

/// Orders names by their text. A name with a lone surrogate (UTF-16) never equals a
/// well-formed one (UTF-8), so the two forms are simply ordered apart.
fn compare(left: &Text<'_>, right: &Text<'_>) -> Ordering {
    match (left, right) {
        (Text::Utf8(left), Text::Utf8(right)) => left.as_bytes().cmp(right.as_bytes()),
        (Text::Utf16(left), Text::Utf16(right)) => left.cmp(right),
        (Text::Utf8(_), Text::Utf16(_)) => Ordering::Less,
        (Text::Utf16(_), Text::Utf8(_)) => Ordering::Greater,
    }
}

impl<'k> KeyIndex<'k> {
    /// Sorts the names of an object's keys, given in the object's order.
    pub(crate) fn new(names: Vec<Text<'k>>) -> Self {
        let mut sorted: Vec<usize> = (0..names.len()).collect();
        heap_sort(&mut sorted, |left, right| compare(&names[left], &names[right]).then(left.cmp(&right)) == Ordering::Less);
        KeyIndex { names, sorted }
    }

    /// Returns the range of `sorted` whose names equal `name`.
    fn equal_range(&self, name: &Text<'_>) -> (usize, usize) {
        let start = self.sorted.partition_point(|position| compare(&self.names[*position], name) == Ordering::Less);
        let end = self.sorted.partition_point(|position| compare(&self.names[*position], name) != Ordering::Greater);
        (start, end)
    }

    /// Returns the position of the first key called `name`.
    pub(crate) fn first(&self, name: &Text<'_>) -> Option<usize> {
        let (start, end) = self.equal_range(name);
        (start < end).then(|| self.sorted[start])
    }

    /// Returns the position of the last key called `name`, the one whose value `JSON.parse`
    /// keeps.
    pub(crate) fn last(&self, name: &Text<'_>) -> Option<usize> {
        let (start, end) = self.equal_range(name);
        (start < end).then(|| self.sorted[end - 1])
    }

    /// Returns whether a key is called `name`.
    pub(crate) fn contains(&self, name: &Text<'_>) -> bool {
        let (start, end) = self.equal_range(name);
        start < end
    }

    /// Returns the positions of the keys whose name an earlier key has, in ascending order.
    pub(crate) fn repeats(&self) -> Vec<usize> {
        // Equal names are adjacent in `sorted`, each after the earlier one.
        let mut repeated = vec![false; self.names.len()];
        for pair in self.sorted.windows(2) {
            if compare(&self.names[pair[0]], &self.names[pair[1]]) == Ordering::Equal {
                repeated[pair[1]] = true;
            }
        }
        (0..self.names.len()).filter(|position| repeated[*position]).collect()
    }

    /// Returns the number of different names.
    pub(crate) fn distinct_count(&self) -> usize {
        self.names.len() - self.repeats().len()
    }

    /// Returns the names, in the object's order.
    pub(crate) fn names(&self) -> &[Text<'k>] {
        &self.names
    }
}

/// Sorts `items` so that no item is `less` than one before it.
fn heap_sort(items: &mut [usize], less: impl Fn(usize, usize) -> bool) {
    // Moves the item at `root` down until both its children are not greater.
    let sift_down = |items: &mut [usize], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(items[child], items[child + 1]) {
            child += 1;
        }
        if !less(items[root], items[child]) {
            return;
        }
        items.swap(root, child);
        root = child;
    };

    let length = items.len();
    for root in (0..length / 2).rev() {
        sift_down(items, root, length);
    }
    for end in (1..length).rev() {
        items.swap(0, end);
        sift_down(items, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(names: &[&'static str]) -> KeyIndex<'static> {
        KeyIndex::new(names.iter().map(|name| Text::from(*name)).collect())
    }

    #[test]
    fn finds_first_and_last_occurrence() {
        let keys = index(&["b", "a", "b", "c", "b"]);
        assert_eq!(keys.first(&Text::from("b")), Some(0));
        assert_eq!(keys.last(&Text::from("b")), Some(4));
        assert_eq!(keys.last(&Text::from("a")), Some(1));
        assert_eq!(keys.last(&Text::from("d")), None);
        assert!(keys.contains(&Text::from("c")));
        assert!(!keys.contains(&Text::from("")));
    }

    #[test]
    fn repeats_are_later_occurrences_in_order() {
        let keys = index(&["x", "y", "x", "z", "y", "x"]);
        assert_eq!(keys.repeats(), [2, 4, 5]);
        assert_eq!(keys.distinct_count(), 3);
        assert_eq!(index(&[]).repeats(), Vec::<usize>::new());
    }

    #[test]
    fn heap_sort_orders_every_permutation() {
        // All orders of five items, with repeats, as lexicographic permutations of a multiset.
        let mut items = vec![0, 1, 1, 3, 4];
        loop {
            let mut sorted = items.clone();
            heap_sort(&mut sorted, |left, right| left < right);
            assert_eq!(sorted, [0, 1, 1, 3, 4], "from {items:?}");

            let Some(pivot) = (0..items.len() - 1).rev().find(|index| items[*index] < items[index + 1]) else {
                break;
            };
            let successor = (pivot + 1..items.len()).rev().find(|index| items[*index] > items[pivot]).unwrap_or(pivot);
            items.swap(pivot, successor);
            items[pivot + 1..].reverse();
        }
    }

    #[test]
    fn lone_surrogate_name_is_its_own_key() {
        let lone = Text::from_utf16(&[0x61, 0xd800]);
        let keys = KeyIndex::new(vec![Text::from("a"), lone.clone(), Text::from("a\u{fffd}")]);
        assert_eq!(keys.last(&lone), Some(1));
        assert_eq!(keys.last(&Text::from("a\u{fffd}")), Some(2));
        assert!(keys.repeats().is_empty());
    }
}
