// Finds libctensor for the link: CTENSOR_LIB_DIR (and CTENSOR_INCLUDE_DIR) when set, else the
// pkg-config program (PKG_CONFIG, default "pkg-config") on the module "ctensor". No build
// dependencies, so the crate builds offline. Single-colon cargo: lines (Cargo before 1.77).
use std::env;
use std::path::Path;
use std::process::Command;

fn pkg_config(args: &[&str]) -> Result<String, String> {
    let exe = env::var("PKG_CONFIG").unwrap_or_else(|_| "pkg-config".to_string());
    let out = Command::new(&exe)
        .args(args)
        .arg("ctensor")
        .output()
        .map_err(|e| format!("could not run `{}`: {}", exe, e))?;
    if !out.status.success() {
        return Err(format!(
            "`{} {} ctensor` failed: {}",
            exe,
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    String::from_utf8(out.stdout).map_err(|_| format!("`{}` printed non-UTF-8 output", exe))
}

fn not_found(why: &str) -> ! {
    panic!(
        "\n\nctensor-sys: libctensor was not found ({}).\n\
         Either set CTENSOR_LIB_DIR to the directory holding libctensor.so (and optionally\n\
         CTENSOR_INCLUDE_DIR to the one holding ctensor/ctensor.h), or make\n\
         `pkg-config --libs ctensor` work: install ctensor (e.g. libctensor-dev) or set\n\
         PKG_CONFIG_PATH to the directory holding ctensor.pc.\n\n",
        why
    )
}

fn main() {
    for var in [
        "CTENSOR_LIB_DIR",
        "CTENSOR_INCLUDE_DIR",
        "CTENSOR_STATIC",
        "PKG_CONFIG",
        "PKG_CONFIG_PATH",
        "PKG_CONFIG_LIBDIR",
        "PKG_CONFIG_SYSROOT_DIR",
    ] {
        println!("cargo:rerun-if-env-changed={}", var);
    }
    println!("cargo:rerun-if-changed=build.rs");

    let include_dir = env::var("CTENSOR_INCLUDE_DIR").ok().filter(|s| !s.is_empty());

    if let Some(dir) = env::var("CTENSOR_LIB_DIR").ok().filter(|s| !s.is_empty()) {
        let p = Path::new(&dir);
        if !p.join("libctensor.so").exists()
            && !p.join("libctensor.so.0").exists()
            && !p.join("libctensor.a").exists()
            && !p.join("libctensor.dylib").exists()
        {
            not_found(&format!("CTENSOR_LIB_DIR={} holds no libctensor", dir));
        }
        println!("cargo:rustc-link-search=native={}", dir);
        let kind = if env::var_os("CTENSOR_STATIC").is_some() { "static" } else { "dylib" };
        println!("cargo:rustc-link-lib={}=ctensor", kind);
        println!("cargo:lib_dir={}", dir);
        if let Some(inc) = include_dir {
            println!("cargo:include={}", inc);
        }
        return;
    }

    let libs = match pkg_config(&["--libs-only-L", "--libs-only-l"]) {
        Ok(s) => s,
        Err(e) => not_found(&format!("CTENSOR_LIB_DIR is not set, and {}", e)),
    };
    let mut linked = false;
    for tok in libs.split_whitespace() {
        if let Some(d) = tok.strip_prefix("-L") {
            println!("cargo:rustc-link-search=native={}", d);
            println!("cargo:lib_dir={}", d);
        } else if let Some(l) = tok.strip_prefix("-l") {
            println!("cargo:rustc-link-lib={}", l);
            linked |= l == "ctensor";
        }
    }
    if !linked {
        not_found("`pkg-config --libs ctensor` does not name -lctensor");
    }
    match include_dir {
        Some(inc) => println!("cargo:include={}", inc),
        None => {
            if let Ok(inc) = pkg_config(&["--variable=includedir"]) {
                if !inc.trim().is_empty() {
                    println!("cargo:include={}", inc.trim());
                }
            }
        }
    }
    if let Ok(v) = pkg_config(&["--modversion"]) {
        println!("cargo:version={}", v.trim());
    }
}
