"""The Qt user interface: presents the core and calls it; holds no data logic."""
