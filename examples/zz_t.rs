use std::time::Instant;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let p = std::path::Path::new(&p);
    let t = Instant::now();
    let o = unknot::history::in_time_order(p, chrono::TimeDelta::days(2)).unwrap();
    println!("order {o} {:?}", t.elapsed());
    let t = Instant::now(); let mut n = 0;
    unknot::history::read_each(p, |_| n += 1).unwrap();
    println!("seq {n} {:?}", t.elapsed());
    let t = Instant::now(); let mut n = 0;
    unknot::history::read_each_in_parallel(p, |_| n += 1).unwrap();
    println!("par {n} {:?}", t.elapsed());
    let t = Instant::now();
    let mut f = unknot::history::Folder::default();
    unknot::history::read_each_in_parallel(p, |e| f.fold(&e)).unwrap();
    let d = f.finish();
    println!("par+fold {} {:?}", d.sessions.len(), t.elapsed());
    let t = Instant::now();
    let mut out = Vec::new();
    unknot::history::export::write_file(p, unknot::history::export::Format::Csv, None, &mut out).unwrap();
    println!("write_file {} {:?}", out.len(), t.elapsed());
}
