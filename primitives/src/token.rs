/// Ticker shown by wallets and explorers.
pub const TOKEN_SYMBOL: &str = "CML";
/// Number of decimal places: one CML is 10^12 of its smallest unit.
pub const TOKEN_DECIMALS: u8 = 12;
