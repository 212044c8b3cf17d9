var ignoredByTheProjectConfig = 1 == 2;
