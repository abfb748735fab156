//! The read-only queries of the runtime API, and their pagination.

use super::*;
use crate::queries::MAX_PAGE_SIZE;

/// Every item of a paginated list, fetched `limit` at a time.
fn all_pages<K: Copy>(limit: u32, fetch: impl Fn(Option<K>, u32) -> Vec<K>) -> Vec<K> {
	let mut items = Vec::new();
	let mut start_after = None;
	loop {
		let page = fetch(start_after, limit);
		assert!(page.len() as u32 <= limit);
		match page.last() {
			Some(last) => start_after = Some(*last),
			None => return items,
		}
		items.extend(page);
	}
}

fn sorted(mut ids: Vec<DesignId>) -> Vec<DesignId> {
	ids.sort();
	ids
}

#[test]
fn pages_of_a_maintainers_designs_cover_each_design_once() {
	new_test_ext(|| {
		let mine: Vec<DesignId> = (0..5).map(|_| register_default(ALICE)).collect();
		register_default(BOB);
		for limit in [1, 2, 5, 10] {
			let listed =
				all_pages(limit, |after, limit| DesignRegistry::designs_of(ALICE, after, limit));
			assert_eq!(sorted(listed), mine, "with pages of {limit}");
		}
		assert_eq!(DesignRegistry::designs_of(CHARLIE, None, 10), Vec::<DesignId>::new());
	});
}

#[test]
fn lists_designs_by_tag_and_derivatives() {
	new_test_ext(|| {
		let parent = register_default(ALICE);
		let mut children = Vec::new();
		for _ in 0..3 {
			children.push(crate::NextDesignId::<Test>::get());
			assert_ok!(
				NewDesign { tags: vec!["bamboo"], ..NewDesign::derived_from(parent) }.register(BOB)
			);
		}
		let derivatives =
			all_pages(2, |after, limit| DesignRegistry::derivatives(parent, after, limit));
		assert_eq!(sorted(derivatives), children);
		let bamboo: Tag<Test> = bounded("bamboo");
		let tagged = all_pages(2, |after, limit| {
			DesignRegistry::designs_by_tag(bamboo.clone(), after, limit)
		});
		assert_eq!(sorted(tagged), children);
		let solar: Tag<Test> = bounded("solar");
		assert_eq!(DesignRegistry::designs_by_tag(solar, None, 10), vec![parent]);
	});
}

#[test]
fn lists_the_versions_of_a_design() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		for minor in 1..4 {
			assert_ok!(publish(ALICE, id, &format!("1.{minor}.0")));
		}
		let indices = all_pages(3, |after, limit| {
			DesignRegistry::versions(id, after, limit).into_iter().map(|(index, _)| index).collect()
		});
		assert_eq!(indices, vec![0, 1, 2, 3], "in the order they were published");
		let first_page: Vec<_> =
			DesignRegistry::versions(id, None, 3).into_iter().map(|(index, _)| index).collect();
		assert_eq!(first_page, vec![0, 1, 2]);
		assert_eq!(DesignRegistry::versions(id, Some(3), 10), vec![]);
		assert_eq!(DesignRegistry::versions(id, Some(VersionIndex::MAX), 10), vec![]);
		assert_eq!(DesignRegistry::versions(7, None, 10), vec![]);
		let (index, first) = DesignRegistry::versions(id, None, 10)
			.into_iter()
			.find(|(index, _)| *index == 0)
			.unwrap();
		assert_eq!((index, first), (0, version(id, 0)));
		assert_eq!(DesignRegistry::design(id), Some(design(id)));
		assert_eq!(DesignRegistry::design(7), None);
	});
}

#[test]
fn a_page_never_exceeds_the_maximum() {
	new_test_ext(|| {
		for _ in 0..(MAX_PAGE_SIZE + 2) {
			register_default(ALICE);
		}
		assert_eq!(DesignRegistry::designs_of(ALICE, None, u32::MAX).len() as u32, MAX_PAGE_SIZE);
	});
}
