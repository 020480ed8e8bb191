//! Stable sorting with one copy of the sort algorithm in the library.
//!
//! `slice::sort_by*` compiles a whole driftsort (5–8 KiB) for every call site's closure; with a
//! dozen call sites that was ~85 KiB of the mobile library (issue #16). Here only a list of
//! indices is sorted, always with the same comparator type, and each call site adds just the
//! small step that puts its elements in that order. The lists sorted are small (at most a few
//! thousand mornings), so the extra index list costs nothing a runner could notice.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` stably by `key`, like `slice::sort_by_key`.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `compare` puts them (stable); the one driftsort instance.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Rearranges `items` so that `items[i]` becomes the element that was at `order[i]`, in place.
fn permute<T>(items: &mut [T], order: Vec<usize>) {
    for i in 0..items.len() {
        // Elements before `i` are placed; an element that was there has been swapped forward,
        // to the position its own index names: follow that chain to where it is now.
        let mut from = order[i];
        while from < i {
            from = order[from];
        }
        items.swap(i, from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// Same result as the standard library's stable sort, ties kept in their order.
        #[test]
        fn matches_std_stable_sort(keys in prop::collection::vec(0u8..6, 0..80)) {
            let mut ours: Vec<(u8, usize)> = keys.iter().copied().enumerate().map(|(i, k)| (k, i)).collect();
            let mut std_sorted = ours.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            std_sorted.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std_sorted);
        }

        #[test]
        fn reverse_orders_match_too(keys in prop::collection::vec(any::<i32>(), 0..60)) {
            let mut ours: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            let mut std_sorted = ours.clone();
            sort_by(&mut ours, |a, b| b.len().cmp(&a.len()));
            std_sorted.sort_by_key(|s| std::cmp::Reverse(s.len()));
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
