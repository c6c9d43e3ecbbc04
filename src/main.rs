fn main() -> std::process::ExitCode {
    unknot::main()
}
