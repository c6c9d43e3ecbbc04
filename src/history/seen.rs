//! The event ids a view has folded in, so that the same event read again counts once. Those read
//! back from a derived file stay as they were kept there, one sorted run of 32 lowercase
//! hexadecimal digits each, and are searched where they lie: a hundred thousand ids cost a
//! check of their order, not a parse and a hash table.

use foldhash::HashSet;
use uuid::Uuid;

/// The digits of one id.
const DIGITS: usize = 32;

#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// Ids read back from a derived file: [`DIGITS`] digits each, in ascending order, no repeats.
    kept: Vec<u8>,
    /// Ids folded in since, none of them in `kept`.
    added: HashSet<Uuid>,
}

impl Seen {
    /// Notes `id`; whether it is new.
    pub fn insert(&mut self, id: Uuid) -> bool {
        !self.is_kept(id) && self.added.insert(id)
    }

    pub fn reserve(&mut self, more: usize) {
        self.added.reserve(more);
    }

    pub fn len(&self) -> usize {
        self.kept.len() / DIGITS + self.added.len()
    }

    fn is_kept(&self, id: Uuid) -> bool {
        if self.kept.is_empty() {
            return false;
        }
        let mut digits = [0; DIGITS];
        id.simple().encode_lower(&mut digits);
        let (ids, _) = self.kept.as_chunks::<DIGITS>();
        ids.binary_search(&digits).is_ok()
    }

    /// Every id, ascending.
    fn sorted(&self) -> Vec<u128> {
        let mut all: Vec<u128> = self.added.iter().map(Uuid::as_u128).collect();
        let (kept, _) = self.kept.as_chunks::<DIGITS>();
        all.extend(
            kept.iter()
                .filter_map(|digits| Uuid::try_parse_ascii(digits).ok())
                .map(|id| id.as_u128()),
        );
        all.sort_unstable();
        all
    }

    /// Every id as [`Seen::from_digits`] reads them back.
    pub fn digits(&self) -> Vec<u8> {
        let mut digits = Vec::with_capacity(self.len() * DIGITS);
        for id in self.sorted() {
            digits.extend_from_slice(
                Uuid::from_u128(id)
                    .simple()
                    .encode_lower(&mut Uuid::encode_buffer())
                    .as_bytes(),
            );
        }
        digits
    }

    /// The ids of [`Seen::digits`]; `None` for anything else: a length that is not a whole
    /// number of ids, a character that is not a lowercase hexadecimal digit, ids out of order.
    pub fn from_digits(digits: &[u8]) -> Option<Seen> {
        let lower_hex = |b: &u8| b.is_ascii_digit() || (b'a'..=b'f').contains(b);
        let (ids, _) = digits.as_chunks::<DIGITS>();
        let ascending = ids.windows(2).all(|pair| pair[0] < pair[1]);
        (digits.len().is_multiple_of(DIGITS) && digits.iter().all(lower_hex) && ascending).then(
            || Seen {
                kept: digits.to_vec(),
                added: HashSet::default(),
            },
        )
    }
}

/// The same ids, however they are held.
impl PartialEq for Seen {
    fn eq(&self, other: &Seen) -> bool {
        self.len() == other.len() && self.sorted() == other.sorted()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(numbers: &[u128]) -> Vec<Uuid> {
        numbers.iter().map(|n| Uuid::from_u128(*n)).collect()
    }

    fn seen(numbers: &[u128]) -> Seen {
        let mut seen = Seen::default();
        for id in ids(numbers) {
            assert!(seen.insert(id));
        }
        seen
    }

    #[test]
    fn ids_kept_and_ids_added_since_are_each_seen_once() {
        let kept = Seen::from_digits(&seen(&[7, 1 << 100, 3, u128::MAX]).digits()).unwrap();
        let mut again = kept.clone();
        for id in ids(&[7, 1 << 100, 3, u128::MAX]) {
            assert!(!again.insert(id), "{id} was kept");
        }
        assert!(again.insert(Uuid::from_u128(4)));
        assert!(!again.insert(Uuid::from_u128(4)));
        assert_eq!(again.len(), 5);
        assert_eq!(again, seen(&[3, 4, 7, 1 << 100, u128::MAX]));
        assert_ne!(again, kept);
    }

    #[test]
    fn the_digits_are_the_ids_in_ascending_order() {
        let digits = seen(&[0x20, 0x1f, 0xa]).digits();
        let text = String::from_utf8(digits.clone()).unwrap();
        assert_eq!(
            text,
            format!("{:032x}{:032x}{:032x}", 0xa, 0x1f, 0x20),
            "lowercase, ascending, nothing between"
        );
        assert_eq!(Seen::from_digits(&digits).unwrap().digits(), digits);
        assert_eq!(Seen::from_digits(b"").unwrap(), Seen::default());
    }

    #[test]
    fn digits_that_are_not_such_a_run_are_refused() {
        let good = seen(&[1, 2, 3]).digits();
        let swapped = [&good[32..64], &good[..32], &good[64..]].concat();
        let repeated = [&good[..32], &good[..32]].concat();
        let upper = String::from_utf8(good.clone()).unwrap().replace('1', "A");
        for bad in [
            &good[..good.len() - 1],
            &swapped,
            &repeated,
            upper.as_bytes(),
            b"0000000000000000000000000000000g",
            b"-0000000000000000000000000000001",
        ] {
            assert!(
                Seen::from_digits(bad).is_none(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
