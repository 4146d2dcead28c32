//! The rules that find disagreements: between two claims of one question (`relate`, with the
//! numeric rules in `figures` and the statement rules in `propositions` and `attacks`),
//! between groups (`wholes`), and across events (`regions`, `rebuttals`); `crowds` sums up a
//! question too many claimants speak to for every pair to be compared.

pub mod attacks;
pub mod crowds;
pub mod figures;
pub mod propositions;
pub mod rebuttals;
pub mod regions;
pub mod relate;
pub mod wholes;
