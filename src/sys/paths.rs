//! Where the user's files live: the system's usual folders, unless the command line says otherwise.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

#[derive(Debug, Clone)]
pub struct Paths {
    /// History and other data the app writes.
    pub data_dir: Option<PathBuf>,
    /// The config file, which may not exist.
    pub config_file: Option<PathBuf>,
    /// The user's own routines.
    pub routines_dir: Option<PathBuf>,
}

impl Paths {
    /// Overrides win; otherwise the `directories` crate's locations. Without a home folder and
    /// without overrides, the paths are unknown and the features needing them say so.
    pub fn resolve(data_dir: Option<PathBuf>, config: Option<PathBuf>) -> Paths {
        let project = ProjectDirs::from("", "", "unknot");
        let data_dir = data_dir.or_else(|| project.as_ref().map(|p| p.data_dir().to_path_buf()));
        let config_file =
            config.or_else(|| project.as_ref().map(|p| p.config_dir().join("config.ron")));
        let routines_dir = config_file.as_ref().map(|f| {
            f.parent()
                .map_or_else(PathBuf::new, Path::to_path_buf)
                .join("routines")
        });
        Paths {
            data_dir,
            config_file,
            routines_dir,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routines_live_beside_the_config_file() {
        let p = Paths::resolve(Some("/d".into()), Some("/c/profile/config.ron".into()));
        assert_eq!(p.data_dir, Some(PathBuf::from("/d")));
        assert_eq!(p.routines_dir, Some(PathBuf::from("/c/profile/routines")));
    }

    #[test]
    fn a_bare_config_file_name_means_the_current_folder() {
        let p = Paths::resolve(None, Some("config.ron".into()));
        assert_eq!(p.routines_dir, Some(PathBuf::from("routines")));
    }
}
