"""Who is signing in: passwords, sign-in tokens and the cookie route, company single sign-on."""
