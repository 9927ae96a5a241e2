"""What one build of the site knows and makes."""
