/// Which of the first two fields of an all-numeric date is the month (`03/04/2024`).
///
/// A file settles it from its records (a first field above 12 is a day); without evidence a
/// `/` date is read month first and a `.` or `-` date day first. A date that is impossible in the
/// preferred order is read in the other.
enum DateOrder: UInt8, Sendable {
    /// `MM/dd[/yyyy]`.
    case monthFirst
    /// `dd/MM[/yyyy]`, `dd.MM.yyyy`.
    case dayFirst
}
