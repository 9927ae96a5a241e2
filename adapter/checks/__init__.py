"""What stops a build of the site: each check names the file and line at fault."""
