//! Small helpers for the lists the pallets take and give: duplicate checks on input, pages on
//! output.

use alloc::vec::Vec;

/// The most entries a page of a query's list holds, whatever `limit` asks.
pub const MAX_PAGE_SIZE: u32 = 100;

/// At most `limit` (capped at [`MAX_PAGE_SIZE`]) items of `iter`.
pub fn page<I: Iterator>(iter: I, limit: u32) -> Vec<I::Item> {
	iter.take(limit.min(MAX_PAGE_SIZE) as usize).collect()
}

/// `items` sorted, or `None` if an item appears twice.
pub fn sorted_unique<T: Ord>(mut items: Vec<T>) -> Option<Vec<T>> {
	items.sort();
	items.windows(2).all(|pair| pair[0] < pair[1]).then_some(items)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn pages_are_capped() {
		assert_eq!(page(0..10u32, 3), vec![0, 1, 2]);
		assert_eq!(page(0..1_000u32, u32::MAX).len(), MAX_PAGE_SIZE as usize);
	}

	#[test]
	fn sorts_and_refuses_repetitions() {
		assert_eq!(sorted_unique::<u8>(vec![]), Some(vec![]));
		assert_eq!(sorted_unique(vec![5, 1, 2]), Some(vec![1, 2, 5]));
		assert_eq!(sorted_unique(vec![2, 1, 2]), None);
	}
}
