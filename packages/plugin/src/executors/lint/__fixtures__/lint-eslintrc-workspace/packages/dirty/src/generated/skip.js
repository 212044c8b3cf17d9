var ignored = 1 == 2;
