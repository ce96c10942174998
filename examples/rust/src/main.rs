//! The small program shared by every ctensor binding (examples/example.c, example.py,
//! julia/example.jl): create, fill, add, matmul, reduce, print and a DLPack round trip.
//! It prints exactly examples/expected.txt. Run it from the source tree with
//! `cargo run --offline` (CTENSOR_LIB_DIR or pkg-config finds libctensor; see
//! bindings/rust/README.md).

use ctensor::{Device, Kind, Tensor};

fn main() -> ctensor::Result<()> {
    let opts = (Kind::Float, Device::Cpu);

    // 1. a = arange(6) as float32, reshaped to [2, 3]
    let a = Tensor::arange(6, opts)?.view(&[2, 3])?;
    println!("a =\n{}", a);

    // 2. b = full([2, 3], 2.0) as float32
    let b = Tensor::full(&[2, 3], 2.0, opts)?;
    println!("b =\n{}", b);

    // 3. c = a + b (the method returns a Result; `&a + &b` would panic on error)
    let c = a.add(&b)?;
    println!("a + b =\n{}", c);

    // 4. m = c @ c.T
    let m = c.matmul(&c.t()?)?;
    println!("c @ c.T =\n{}", m);

    // 5. the sum of all elements
    println!("sum =\n{}", c.sum(None)?);

    // 6. the mean over dim 1
    println!("mean(dim=1) =\n{}", c.mean_dim(Some(&[1]), false, None)?);

    // 7. DLPack round trip: export c as a versioned managed tensor sharing its memory and
    //    import it back as d (d owns the managed tensor; its deleter runs when d is dropped)
    let mut d = c.to_dlpack()?.into_tensor()?;
    println!("dlpack round trip: same memory = {}", c.data_ptr() == d.data_ptr());
    d.add_scalar_(1.0)?; // seen through c
    println!("c after d += 1 =\n{}", c);

    // 8.
    println!("done");
    Ok(())
}
